package nl.instroom.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

class SigningKeysTest {

    @TempDir
    Path dir;

    @Test
    void twoIdentityPodsWithTheSameKeysFileVerifyEachOthersTokens() throws Exception {
        Path file = keysFile(NewSigningKey.withNewKey(null, 2, Clock.systemUTC()));
        SigningKeys podA = SigningKeys.fromFile(file);
        SigningKeys podB = SigningKeys.fromFile(file);

        String token = tokenSignedBy(podA);

        assertThat(verifierOf(podB).decode(token).getSubject()).isEqualTo("coordinator.zwolle");
    }

    @Test
    void podsWithKeysMadeInMemoryDoNotWhichIsWhyProductionUsesAFile() {
        String token = tokenSignedBy(SigningKeys.inMemory(Clock.systemUTC()));

        assertThatThrownBy(() -> verifierOf(SigningKeys.inMemory(Clock.systemUTC())).decode(token))
                .isInstanceOf(BadJwtException.class);
    }

    @Test
    void afterARotationTheNewKeySignsAndTokensOfThePreviousKeyStillVerify() throws Exception {
        String before = NewSigningKey.withNewKey(null, 2, Clock.systemUTC());
        String tokenBefore = tokenSignedBy(SigningKeys.fromFile(keysFile(before)));

        String rotated = NewSigningKey.withNewKey(before, 2, Clock.systemUTC());
        SigningKeys afterRotation = SigningKeys.fromFile(keysFile(rotated));

        List<RSAKey> published = afterRotation.all();
        assertThat(published).hasSize(2);
        assertThat(published.get(1).getKeyID()).isEqualTo(JWKSet.parse(before).getKeys().get(0).getKeyID());
        assertThat(afterRotation.current().getKeyID()).isNotEqualTo(published.get(1).getKeyID());
        assertThat(verifierOf(afterRotation).decode(tokenBefore).getSubject()).isEqualTo("coordinator.zwolle");
        assertThat(JWKSet.parse(NewSigningKey.withNewKey(rotated, 2, Clock.systemUTC())).getKeys())
                .as("the oldest beyond two is dropped").hasSize(2)
                .noneMatch(key -> key.getKeyID().equals(published.get(1).getKeyID()));
    }

    @Test
    void keysFromAFileAreNotRotatedByOnePodAlone() throws Exception {
        SigningKeys keys = SigningKeys.fromFile(keysFile(NewSigningKey.withNewKey(null, 2, Clock.systemUTC())));

        assertThat(keys.rotatesItself()).isFalse();
        assertThatThrownBy(keys::rotate).hasMessageContaining("rotate them there");
    }

    @Test
    void aFileThatCannotSignIsRefusedAtStartWithoutShowingKeyMaterial() throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).keyID("key-1").generate();
        RSAKey shortKey = new RSAKeyGenerator(1024, true).keyID("key-short").generate();

        assertThatThrownBy(() -> SigningKeys.fromFile(keysFile(new JWKSet(key.toPublicJWK()).toString(false))))
                .hasMessageContaining("key-1 ").hasMessageContaining("no private part")
                .hasMessageNotContaining(key.getModulus().toString());
        assertThatThrownBy(() -> SigningKeys.fromFile(keysFile(new JWKSet(shortKey).toString(false))))
                .hasMessageContaining("1024 bits");
        assertThatThrownBy(() -> SigningKeys.fromFile(keysFile("{\"keys\":[]}"))).hasMessageContaining("no key");
        RSAKey forEncryption = new RSAKeyGenerator(2048).keyID("key-enc").keyUse(KeyUse.ENCRYPTION).generate();
        assertThatThrownBy(() -> SigningKeys.fromFile(keysFile(new JWKSet(forEncryption).toString(false))))
                .hasMessageContaining("not for signing");
        RSAKey forPs256 = new RSAKeyGenerator(2048).keyID("key-ps").algorithm(JWSAlgorithm.PS256).generate();
        assertThatThrownBy(() -> SigningKeys.fromFile(keysFile(new JWKSet(forPs256).toString(false))))
                .hasMessageContaining("RS256");
        assertThatThrownBy(() -> SigningKeys.fromFile(keysFile(new JWKSet(List.<JWK>of(key, key)).toString(false))))
                .hasMessageContaining("appears twice");
        assertThatThrownBy(() -> SigningKeys.fromFile(keysFile("not json"))).hasMessageContaining("not a JWK set")
                .hasMessageNotContaining("not json");
        assertThatThrownBy(() -> SigningKeys.fromFile(dir.resolve("missing.json")))
                .hasMessageContaining("Cannot read");
    }

    private Path keysFile(String json) throws Exception {
        Path file = Files.createTempFile(dir, "keys", ".json");
        Files.writeString(file, json);
        return file;
    }

    private static String tokenSignedBy(SigningKeys keys) {
        JwtClaimsSet claims = JwtClaimsSet.builder().subject("coordinator.zwolle").issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(300)).build();
        return new NimbusJwtEncoder(keys.signing()).encode(JwtEncoderParameters.from(claims)).getTokenValue();
    }

    private static NimbusJwtDecoder verifierOf(SigningKeys keys) {
        return NimbusJwtDecoder.withJwkSource(keys.published()).build();
    }
}
