package nl.instroom.chassis.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import javax.security.auth.login.AppConfigurationEntry;
import org.apache.kafka.common.config.types.Password;
import org.apache.kafka.common.security.JaasContext;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** The Kafka client settings a service takes from its environment, and what the binder and producers get. */
class KafkaClientSecurityTest {

    @Test
    void withoutSettingsAClientSpeaksPlaintextAsOnTheLocalStack() {
        assertThat(KafkaClientSecurity.from(environment(Map.of())).clientProperties())
                .containsExactly(Map.entry("security.protocol", "PLAINTEXT"));
    }

    @Test
    void scramOverTlsFromTheEnvironmentVariablesOfTheDeployment() {
        KafkaClientSecurity security = KafkaClientSecurity.from(environment(Map.of(
                "KAFKA_SECURITY_PROTOCOL", "SASL_SSL", "KAFKA_USERNAME", "tutoring",
                "KAFKA_PASSWORD", "s3cret", "KAFKA_TRUSTSTORE_LOCATION", "/etc/kafka-ca/ca.crt")));

        assertThat(security.clientProperties()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "security.protocol", "SASL_SSL",
                "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required "
                        + "username=\"tutoring\" password=\"s3cret\";",
                "ssl.truststore.location", "/etc/kafka-ca/ca.crt",
                "ssl.truststore.type", "PEM"));
        assertThat(security.toString()).doesNotContain("s3cret");
    }

    @Test
    void aPasswordWithQuotesAndBackslashesReachesKafkaUnchanged() {
        String password = "a\"b\\c;d e=f";
        String jaas = KafkaClientSecurity.from(environment(Map.of("KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "KAFKA_USERNAME", "need-mapping", "KAFKA_PASSWORD", password))).clientProperties()
                .get("sasl.jaas.config");

        AppConfigurationEntry entry = JaasContext.loadClientContext(Map.of("sasl.jaas.config", new Password(jaas)))
                .configurationEntries().get(0);
        assertThat(entry.getOptions().get("username")).isEqualTo("need-mapping");
        assertThat(entry.getOptions().get("password")).isEqualTo(password);
    }

    @Test
    void instroomSettingsWinOverTheEnvironmentVariablesAndMutualTlsNeedsNoPassword() {
        KafkaClientSecurity security = KafkaClientSecurity.from(environment(Map.of(
                "KAFKA_SECURITY_PROTOCOL", "SASL_SSL", "instroom.kafka.security-protocol", "ssl",
                "instroom.kafka.keystore-location", "/etc/kafka-user/user.p12",
                "instroom.kafka.keystore-password", "p12-password")));

        assertThat(security.clientProperties()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "security.protocol", "SSL", "ssl.keystore.location", "/etc/kafka-user/user.p12",
                "ssl.keystore.type", "PKCS12", "ssl.keystore.password", "p12-password"));
    }

    @Test
    void saslWithoutAPasswordOrAnUnknownProtocolStopsTheServiceAtStart() {
        assertThatThrownBy(() -> KafkaClientSecurity.from(environment(Map.of(
                "KAFKA_SECURITY_PROTOCOL", "SASL_SSL", "KAFKA_USERNAME", "scouting"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("KAFKA_PASSWORD");
        assertThatThrownBy(() -> KafkaClientSecurity.from(environment(Map.of("KAFKA_SECURITY_PROTOCOL", "TLS"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("KAFKA_SECURITY_PROTOCOL");
    }

    @Test
    void theBinderGetsTheSameSettingsUnlessTheServiceSetsItsOwn() {
        StandardEnvironment environment = environment(Map.of("KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "KAFKA_USERNAME", "scouting", "KAFKA_PASSWORD", "pw",
                KafkaClientSecurityEnvironment.BINDER_CONFIGURATION + "sasl.mechanism", "SCRAM-SHA-256"));

        new KafkaClientSecurityEnvironment().postProcessEnvironment(environment, null);

        assertThat(environment.getProperty("spring.cloud.stream.kafka.binder.configuration.security.protocol"))
                .isEqualTo("SASL_SSL");
        assertThat(environment.getProperty("spring.cloud.stream.kafka.binder.configuration.sasl.jaas.config"))
                .contains("username=\"scouting\"");
        assertThat(environment.getProperty("spring.cloud.stream.kafka.binder.configuration.sasl.mechanism"))
                .isEqualTo("SCRAM-SHA-256");
    }

    private static StandardEnvironment environment(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        return environment;
    }
}
