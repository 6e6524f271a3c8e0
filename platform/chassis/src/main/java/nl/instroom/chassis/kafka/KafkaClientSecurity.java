package nl.instroom.chassis.kafka;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.springframework.core.env.PropertyResolver;

/**
 * The security settings of a service's Kafka clients, as Kafka client properties.
 *
 * <p>Production uses {@code SASL_SSL} with SCRAM-SHA-512: a user and password per service (Strimzi's
 * {@code KafkaUser} Secret, or docker-compose's {@code .env}) and the brokers' CA as trust store; mutual TLS
 * ({@code SSL} with a key store) works too. Only settings that are given become client properties, so an unset trust
 * store means the JVM's own, not an empty path.
 *
 * @param protocol {@code PLAINTEXT}, {@code SSL}, {@code SASL_PLAINTEXT} or {@code SASL_SSL}
 * @param saslMechanism the SASL mechanism, {@code SCRAM-SHA-512} unless said otherwise
 * @param username the Kafka user (SASL only)
 * @param password its password (SASL only)
 * @param truststoreLocation a file with the CA certificates to trust (TLS only; empty: the JVM's trust store)
 * @param truststoreType {@code PEM} (Strimzi's {@code ca.crt}), {@code PKCS12} or {@code JKS}
 * @param truststorePassword the trust store's password, if its type has one
 * @param keystoreLocation the client's own key and certificate, for mutual TLS
 * @param keystoreType {@code PKCS12} (Strimzi's {@code user.p12}), {@code PEM} or {@code JKS}
 * @param keystorePassword the key store's password
 */
public record KafkaClientSecurity(String protocol, String saslMechanism, String username, String password,
        String truststoreLocation, String truststoreType, String truststorePassword, String keystoreLocation,
        String keystoreType, String keystorePassword) {

    static final String PREFIX = "instroom.kafka.";

    public KafkaClientSecurity {
        protocol = blankToNull(protocol) == null ? SecurityProtocol.PLAINTEXT.name
                : protocol.trim().toUpperCase(Locale.ROOT);
        saslMechanism = blankToNull(saslMechanism) == null ? "SCRAM-SHA-512" : saslMechanism.trim();
        username = blankToNull(username);
        password = blankToNull(password);
        truststoreLocation = blankToNull(truststoreLocation);
        truststoreType = blankToNull(truststoreType) == null ? "PEM" : truststoreType.trim();
        truststorePassword = blankToNull(truststorePassword);
        keystoreLocation = blankToNull(keystoreLocation);
        keystoreType = blankToNull(keystoreType) == null ? "PKCS12" : keystoreType.trim();
        keystorePassword = blankToNull(keystorePassword);
        if (!SecurityProtocol.names().contains(protocol)) {
            throw new IllegalArgumentException("Kafka security protocol " + protocol + " is not one of "
                    + SecurityProtocol.names() + " (KAFKA_SECURITY_PROTOCOL)");
        }
        if (protocol.startsWith("SASL_") && (username == null || password == null)) {
            throw new IllegalArgumentException("Kafka security protocol " + protocol + " needs a user and a password "
                    + "(KAFKA_USERNAME, KAFKA_PASSWORD)");
        }
    }

    /** PLAINTEXT, as on the local stack's loopback broker. */
    public static KafkaClientSecurity plaintext() {
        return new KafkaClientSecurity(null, null, null, null, null, null, null, null, null, null);
    }

    /**
     * Reads {@code instroom.kafka.<setting>}, falling back to the environment variable {@code KAFKA_<SETTING>}
     * (e.g. {@code instroom.kafka.security-protocol} or {@code KAFKA_SECURITY_PROTOCOL}).
     */
    public static KafkaClientSecurity from(PropertyResolver settings) {
        return new KafkaClientSecurity(setting(settings, "security-protocol"), setting(settings, "sasl-mechanism"),
                setting(settings, "username"), setting(settings, "password"),
                setting(settings, "truststore-location"), setting(settings, "truststore-type"),
                setting(settings, "truststore-password"), setting(settings, "keystore-location"),
                setting(settings, "keystore-type"), setting(settings, "keystore-password"));
    }

    /** The Kafka client properties for these settings; the same for producers, consumers and admin clients. */
    public Map<String, String> clientProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, protocol);
        if (protocol.startsWith("SASL_")) {
            properties.put(SaslConfigs.SASL_MECHANISM, saslMechanism);
            properties.put(SaslConfigs.SASL_JAAS_CONFIG, loginModule() + " required username=\"" + quoted(username)
                    + "\" password=\"" + quoted(password) + "\";");
        }
        if (protocol.endsWith("SSL")) {
            if (truststoreLocation != null) {
                properties.put(SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, truststoreLocation);
                properties.put(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, truststoreType);
                putIfSet(properties, SslConfigs.SSL_TRUSTSTORE_PASSWORD_CONFIG, truststorePassword);
            }
            if (keystoreLocation != null) {
                properties.put(SslConfigs.SSL_KEYSTORE_LOCATION_CONFIG, keystoreLocation);
                properties.put(SslConfigs.SSL_KEYSTORE_TYPE_CONFIG, keystoreType);
                putIfSet(properties, SslConfigs.SSL_KEYSTORE_PASSWORD_CONFIG, keystorePassword);
            }
        }
        return properties;
    }

    private String loginModule() {
        return saslMechanism.startsWith("SCRAM-")
                ? "org.apache.kafka.common.security.scram.ScramLoginModule"
                : "org.apache.kafka.common.security.plain.PlainLoginModule";
    }

    @Override
    public String toString() {
        // never the password: this record may end up in a log line or an exception message
        return "KafkaClientSecurity[protocol=" + protocol + ", saslMechanism=" + saslMechanism + ", username="
                + username + ", truststore=" + truststoreLocation + ", keystore=" + keystoreLocation + "]";
    }

    /** JAAS values are double-quoted; a quote or backslash in a password must not end the value early. */
    private static String quoted(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static void putIfSet(Map<String, String> properties, String key, String value) {
        if (value != null) {
            properties.put(key, value);
        }
    }

    private static String setting(PropertyResolver settings, String name) {
        String value = settings.getProperty(PREFIX + name);
        return value != null ? value : settings.getProperty("KAFKA_" + name.toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
