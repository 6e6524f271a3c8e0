package nl.instroom.identity.secondfactor.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import nl.instroom.identity.TestKeys;
import nl.instroom.testing.InstroomInfrastructure;
import nl.instroom.testing.PkceSignIn;
import nl.instroom.testing.TotpCodes;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * An admin enrolls a second factor on the first sign-in and signs in with it afterwards; with only the password
 * there is no authorization code, so no token. A code is good once, a recovery code too, the secret is stored only
 * sealed and the recovery codes only hashed, an enrolled person is never offered a new enrollment, and each sign-in
 * step starts a new session.
 */
@InstroomInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.mongodb.database=identity-second-factor")
class SecondFactorIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static Path usersFile;

    @BeforeAll
    static void users() throws IOException {
        usersFile = Files.createTempFile("users", ".txt");
        BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();
        Files.writeString(usersFile, "admin.one|{bcrypt}" + bcrypt.encode("admin-password") + "|ADMIN|\n"
                + "admin.two|{bcrypt}" + bcrypt.encode("admin-password") + "|ADMIN|\n"
                + "admin.three|{bcrypt}" + bcrypt.encode("admin-password") + "|ADMIN|\n");
    }

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("instroom.identity.issuer", () -> "http://identity.test");
        registry.add("instroom.identity.users-file", () -> usersFile.toString());
        registry.add("instroom.identity.portal-redirect-uris", () -> PkceSignIn.REDIRECT);
        registry.add("instroom.identity.second-factor-key", () -> TestKeys.SECOND_FACTOR_KEY);
    }

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Test
    void anAdminEnrollsOnTheFirstSignInThenSignsInWithTheCodeAndWithoutItGetsNoToken() throws Exception {
        PkceSignIn first = new PkceSignIn(port);
        first.get(first.authorizeUri("first"));
        first.submitSignInForm("admin.three", "admin-password");
        first.get(first.authorizeUri("first"));
        String enrollPage = first.get(PkceSignIn.ENROLL).body();
        assertThat(enrollPage).contains("otpauth://totp/Instroom:admin.three?").contains("id=\"secret\"");
        String shownSecret = enrollPage.replaceAll("(?s).*id=\"secret\"[^>]*>([^<]+)<.*", "$1").replace(" ", "");
        assertThat(enrollPage).as("the same secret as a link and as text").contains("secret=" + shownSecret);
        assertThat(first.submitEnrollment("000000").headers().firstValue("Location").orElseThrow())
                .as("a code that was not made with the secret enrolls nothing").endsWith(PkceSignIn.ENROLL + "?error");
        assertThat(mongo.findById("admin.three", Document.class, "second_factors")).isNull();

        PkceSignIn.Enrollment enrollment = new PkceSignIn(port).enroll("admin.two", "admin-password");
        assertThat(enrollment.recoveryCodes()).hasSize(10).doesNotHaveDuplicates();
        Document stored = mongo.findById("admin.two", Document.class, "second_factors");
        assertThat(stored.toJson()).as("the secret is sealed, the recovery codes hashed")
                .doesNotContain(enrollment.secret()).doesNotContain(enrollment.recoveryCodes().get(0))
                .doesNotContain(enrollment.recoveryCodes().get(0).replace("-", ""));
        assertThat(stored.getString("secret")).startsWith("v1:");
        assertThat(stored.getList("recoveryCodes", String.class)).allMatch(hash -> hash.startsWith("{bcrypt}"));

        PkceSignIn passwordOnly = new PkceSignIn(port);
        String authorize = passwordOnly.authorizeUri("p");
        passwordOnly.get(authorize);
        passwordOnly.submitSignInForm("admin.two", "admin-password");
        for (int i = 0; i < 2; i++) {
            assertThat(passwordOnly.get(authorize).headers().firstValue("Location").orElseThrow())
                    .as("no authorization code without the second factor").doesNotContain("code=")
                    .contains(PkceSignIn.SECOND_FACTOR);
        }
        assertThat(passwordOnly.get(PkceSignIn.ENROLL).headers().firstValue("Location").orElseThrow())
                .as("an enrolled person is not offered a new enrollment").endsWith(PkceSignIn.SECOND_FACTOR);

        PkceSignIn fixation = new PkceSignIn(port);
        String beforeSignIn = fixation.authorizeUri("f");
        fixation.get(beforeSignIn);
        String anonymous = fixation.sessionId();
        fixation.submitSignInForm("admin.two", "admin-password");
        String afterPassword = fixation.sessionId();
        fixation.get(beforeSignIn);
        fixation.submitSecondFactor(enrollment.recoveryCodes().get(0));
        assertThat(List.of(anonymous, afterPassword, fixation.sessionId())).as("a new session at each step")
                .doesNotContainNull().doesNotHaveDuplicates();

        String token = new PkceSignIn(port).accessToken("admin.two", "admin-password", enrollment.secret());
        Jwt access = NimbusJwtDecoder.withJwkSetUri("http://127.0.0.1:" + port + "/oauth2/jwks").build()
                .decode(token);
        assertThat(access.getSubject()).isEqualTo("admin.two");
        assertThat(access.getClaimAsStringList("roles")).containsExactly("ADMIN");
    }

    @Test
    void aCodeIsGoodOnceAndSoIsARecoveryCode() throws Exception {
        PkceSignIn.Enrollment enrollment = new PkceSignIn(port).enroll("admin.one", "admin-password");
        String code = TotpCodes.next(enrollment.secret());

        assertThat(secondFactor("admin.one", code)).as("a fresh code").doesNotContain("error");
        assertThat(secondFactor("admin.one", code)).as("the same code again").contains("?error");

        String recovery = enrollment.recoveryCodes().get(3);
        assertThat(secondFactor("admin.one", recovery.toUpperCase())).as("a recovery code, in any case")
                .doesNotContain("error");
        assertThat(secondFactor("admin.one", recovery)).as("a used recovery code").contains("?error");
        assertThat(mongo.findById("admin.one", Document.class, "second_factors").getList("recoveryCodes",
                String.class)).hasSize(9);
        assertThat(mongo.count(new org.springframework.data.mongodb.core.query.Query(
                org.springframework.data.mongodb.core.query.Criteria.where("subjectRef").is("admin.one")
                        .and("action").is("RECOVERY_CODE_USED")), "audit_log")).isEqualTo(1);
        List<String> logged = mongo.findAll(Document.class, "audit_log").stream().map(Document::toJson).toList();
        assertThat(logged).noneMatch(entry -> entry.contains(code) || entry.contains(recovery)
                || entry.contains(enrollment.secret()) || entry.contains("admin-password"));
    }

    /** Signs in with the password and submits a second factor; returns where the browser is sent next. */
    private String secondFactor(String username, String typed) throws Exception {
        PkceSignIn browser = new PkceSignIn(port);
        String authorize = browser.authorizeUri("c");
        browser.get(authorize);
        browser.submitSignInForm(username, "admin-password");
        browser.get(authorize);
        HttpResponse<String> answer = browser.submitSecondFactor(typed);
        String location = answer.headers().firstValue("Location").orElseThrow();
        if (!location.contains("error")) {
            assertThat(browser.get(authorize).headers().firstValue("Location").orElseThrow()).contains("code=");
        }
        return location;
    }
}
