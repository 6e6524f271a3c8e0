package nl.instroom.stayinterviews.staff.persistence;

import static nl.instroom.stayinterviews.StayFixtures.anInterview;
import static nl.instroom.stayinterviews.StayFixtures.interview;
import static nl.instroom.stayinterviews.StayFixtures.register;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import nl.instroom.stayinterviews.keys.domain.FreeTextVault;
import nl.instroom.testing.ApiClient;
import nl.instroom.testing.InstroomInfrastructure;
import nl.instroom.testing.TestTokens;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * Text an earlier version sealed bound to the school only ({@code v1:}), under a key it kept next to the text,
 * still opens after the upgrade and is sealed again once, bound to its employee, interview and field.
 */
@InstroomInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.mongodb.database=stay-legacy")
class LegacySealingIT {

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    FreeTextVault vault;

    @Autowired
    LegacySealing legacySealing;

    @Test
    void textOfTheFirstFormatOpensAndIsSealedAgainBoundToItsPlace() throws Exception {
        String school = "28LM00";
        RestClient hr = ApiClient.as(TestTokens.instance().schoolHr(school), port);
        register(hr, school, "T-800", "1.0");
        interview(hr, school, "T-800", anInterview("YES", 4, 2, "[]"));
        byte[] schoolKey = new byte[32];
        new SecureRandom().nextBytes(schoolKey);
        String keyId = UUID.randomUUID().toString();
        mongo.insert(new Document("_id", keyId).append("schoolCode", school)
                .append("wrappedKey", legacySeal(testMasterKey(), schoolKey, school, keyId))
                .append("createdAt", new Date()), "school_keys");
        String v1 = "v1:" + keyId + ":" + legacySeal(schoolKey, "Oude notitie".getBytes(StandardCharsets.UTF_8),
                school, keyId);
        mongo.updateFirst(Query.query(Criteria.where("_id").is(school + ":T-800")),
                new Update().set("interviews.0.notes", v1), "staff");

        ((InitializingBean) vault).afterPropertiesSet();
        assertThat(mongo.count(new Query(), "school_keys")).as("the old key left the text's database").isZero();
        assertThat(notes(hr, school)).as("still opens before it is sealed again").isEqualTo("Oude notitie");

        assertThat(mongo.findById(LegacySealing.BOUND_SEALING, Document.class, LegacySealing.UPGRADES))
                .as("the start found nothing of the first format and marked it").isNotNull();
        mongo.remove(Query.query(Criteria.where("_id").is(LegacySealing.BOUND_SEALING)), LegacySealing.UPGRADES);
        legacySealing.run(null);

        String stored = mongo.findById(school + ":T-800", Document.class, "staff")
                .getList("interviews", Document.class).get(0).getString("notes");
        assertThat(stored).startsWith("v2:");
        assertThat(notes(hr, school)).isEqualTo("Oude notitie");
        assertThat(staffWithFirstFormat()).isZero();
        assertThat(mongo.findById(LegacySealing.BOUND_SEALING, Document.class, LegacySealing.UPGRADES)).isNotNull();
    }

    private long staffWithFirstFormat() {
        return mongo.findAll(Document.class, "staff").stream().filter(d -> d.toJson().contains("\"v1:")).count();
    }

    private static String notes(RestClient hr, String school) {
        JsonNode read = hr.get().uri("/api/schools/{s}/staff/T-800/interviews", school).retrieve()
                .body(JsonNode.class).get(0);
        return read.get("notes").asString();
    }

    private static byte[] testMasterKey() throws Exception {
        try (InputStream in = LegacySealingIT.class.getClassLoader().getResourceAsStream("stay-master-keys-test")) {
            String line = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.startsWith("#") && !l.isBlank()).findFirst().orElseThrow();
            return Base64.getDecoder().decode(line.split("\\s+")[1]);
        }
    }

    /** How the first version sealed: AES-GCM bound to "school|keyId", base64 of IV and ciphertext. */
    private static String legacySeal(byte[] key, byte[] plaintext, String school, String keyId) throws Exception {
        byte[] iv = new byte[12];
        new SecureRandom().nextBytes(iv);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
        cipher.updateAAD((school + "|" + keyId).getBytes(StandardCharsets.UTF_8));
        byte[] ciphertext = cipher.doFinal(plaintext);
        byte[] out = new byte[iv.length + ciphertext.length];
        System.arraycopy(iv, 0, out, 0, iv.length);
        System.arraycopy(ciphertext, 0, out, iv.length, ciphertext.length);
        return Base64.getEncoder().encodeToString(out);
    }
}
