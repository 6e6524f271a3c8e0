package nl.instroom.chassis.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where tokens come from (prefix {@code instroom.security}).
 *
 * @param issuer the identity server's issuer; a token from any other issuer is refused
 * @param jwkSetUri where its signing keys are published (the issuer's {@code /oauth2/jwks} by default)
 * @param audience the audience a token must name
 */
@ConfigurationProperties("instroom.security")
public record SecurityProperties(String issuer, String jwkSetUri, String audience) {

    public SecurityProperties {
        issuer = issuer == null ? "http://127.0.0.1:9000" : issuer;
        jwkSetUri = jwkSetUri == null ? issuer + "/oauth2/jwks" : jwkSetUri;
        audience = audience == null ? "instroom" : audience;
    }
}
