package nl.instroom.identity.signin.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import nl.instroom.identity.TestKeys;
import nl.instroom.identity.secondfactor.application.SecondFactors;
import nl.instroom.identity.secondfactor.domain.Totp;
import nl.instroom.identity.signin.application.SignInEvents;
import nl.instroom.testing.InstroomInfrastructure;
import nl.instroom.testing.MutableClock;
import nl.instroom.testing.PkceSignIn;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Sign-in protection on the real identity server, its clock moved by the test: 20 wrong passwords for one account
 * are first delayed, then the account is locked (its right password refused) until the lock's time has passed; the
 * same for one address over many accounts; guessing second-factor codes locks too; and every refusal reads the same,
 * for an account that exists and for one that does not. The throttle's verdicts are read from the audit trail,
 * where each attempt leaves its event.
 */
@InstroomInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.mongodb.database=identity-signin")
class SignInProtectionIT {

    private static final MutableClock CLOCK = MutableClock.startingNow();
    private static Path usersFile;

    @TestConfiguration
    static class MovableTime {

        @Bean
        @Primary
        Clock clock() {
            return CLOCK;
        }
    }

    @BeforeAll
    static void users() throws IOException {
        usersFile = Files.createTempFile("users", ".txt");
        BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();
        StringBuilder lines = new StringBuilder();
        for (String user : List.of("hr.one|SCHOOL_HR|24AB00", "coordinator.two|COORDINATOR|AM36", "admin|ADMIN|",
                "scout.three|TALENT_SCOUT|AM11")) {
            String[] f = user.split("\\|", -1);
            lines.append(f[0]).append("|{bcrypt}").append(bcrypt.encode(f[0] + "-password")).append('|').append(f[1])
                    .append('|').append(f[2]).append('\n');
        }
        Files.writeString(usersFile, lines);
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

    @Autowired
    SecondFactors secondFactors;

    private java.util.Date since;

    /** Each test starts a day later: whatever an earlier one left in the throttle is forgotten. */
    @BeforeEach
    void aDayLater() {
        CLOCK.advance(Duration.ofDays(1));
        since = java.util.Date.from(CLOCK.instant());
    }

    @Test
    void twentyWrongPasswordsForOneAccountAreDelayedThenLockedUntilTheLockHasPassed() throws Exception {
        PkceSignIn browser = signInPage();
        for (int attempt = 1; attempt <= 10; attempt++) {
            CLOCK.advance(Duration.ofSeconds(61));
            assertThat(refused(browser.submitSignInForm("hr.one", "guess-" + attempt))).isTrue();
            if (attempt == 3) {
                assertThat(refused(browser.submitSignInForm("hr.one", "hr.one-password")))
                        .as("right after the third failure even the right password waits").isTrue();
            }
        }
        for (int attempt = 11; attempt <= 20; attempt++) {
            CLOCK.advance(Duration.ofSeconds(10));
            assertThat(refused(browser.submitSignInForm("hr.one", "guess-" + attempt))).isTrue();
        }
        assertThat(refused(browser.submitSignInForm("hr.one", "hr.one-password")))
                .as("the right password while locked").isTrue();

        CLOCK.advance(Duration.ofMinutes(15));
        assertThat(refused(browser.submitSignInForm("hr.one", "hr.one-password")))
                .as("the lock has lifted").isFalse();

        assertThat(events("hr.one")).containsExactlyElementsOf(concat(
                repeat(SignInEvents.PASSWORD_REFUSED, 3), List.of(SignInEvents.ATTEMPT_DELAYED),
                repeat(SignInEvents.PASSWORD_REFUSED, 7), List.of(SignInEvents.ACCOUNT_LOCKED),
                repeat(SignInEvents.ATTEMPT_LOCKED_OUT, 11), List.of(SignInEvents.PASSWORD_ACCEPTED)));
    }

    @Test
    void twentyWrongPasswordsFromOneAddressOverManyAccountsAreDelayedThenLockedUntilTheLockHasPassed()
            throws Exception {
        PkceSignIn browser = signInPage();
        for (int attempt = 1; attempt <= 20; attempt++) {
            CLOCK.advance(Duration.ofSeconds(61));
            String account = attempt % 2 == 0 ? "someone-" + attempt : List.of("hr.one", "admin", "scout.three")
                    .get(attempt % 3);
            assertThat(refused(browser.submitSignInForm(account, "guess-" + attempt))).isTrue();
            if (attempt == 10) {
                assertThat(refused(browser.submitSignInForm("coordinator.two", "coordinator.two-password")))
                        .as("after ten failures from this address, even another account's right password waits")
                        .isTrue();
            }
        }
        CLOCK.advance(Duration.ofSeconds(61));
        assertThat(refused(browser.submitSignInForm("coordinator.two", "coordinator.two-password")))
                .as("the address is locked").isTrue();
        CLOCK.advance(Duration.ofMinutes(15));
        assertThat(refused(browser.submitSignInForm("coordinator.two", "coordinator.two-password")))
                .as("the lock has lifted").isFalse();

        assertThat(events("coordinator.two")).containsExactly(SignInEvents.ATTEMPT_DELAYED,
                SignInEvents.ATTEMPT_LOCKED_OUT, SignInEvents.PASSWORD_ACCEPTED);
        assertThat(mongo.count(Query.query(Criteria.where("action").is(SignInEvents.ADDRESS_LOCKED).and("at")
                .gte(since)), "audit_log"))
                .isEqualTo(1);
        assertThat(events(SignInEvents.UNKNOWN_ACCOUNT)).as("names that are no account are not recorded as typed")
                .containsOnly(SignInEvents.PASSWORD_REFUSED);
    }

    @Test
    void aRefusalReadsTheSameForAnAccountThatExistsAndOneThatDoesNot() throws Exception {
        PkceSignIn unknown = signInPage();
        PkceSignIn known = signInPage();

        HttpResponse<String> noSuchAccount = unknown.submitSignInForm("nobody-here", "guess");
        HttpResponse<String> wrongPassword = known.submitSignInForm("admin", "guess");

        String location = noSuchAccount.headers().firstValue("Location").orElseThrow();
        assertThat(wrongPassword.headers().firstValue("Location").orElseThrow()).isEqualTo(location);
        assertThat(page(unknown, location)).isEqualTo(page(known, location)).contains("id=\"error\"");
        assertThat(noSuchAccount.body()).isEqualTo(wrongPassword.body());
    }

    @Test
    void guessingSecondFactorCodesLocksTheAccountToo() throws Exception {
        mongo.remove(Query.query(Criteria.where("_id").is("scout.three")), "second_factors");
        String secret = Totp.newSecret();
        assertThat(secondFactors.enroll("scout.three", secret, Totp.codeAt(secret, step()))).hasSize(10);
        PkceSignIn browser = signInPage();
        browser.get(browser.authorizeUri("s"));
        assertThat(refused(browser.submitSignInForm("scout.three", "scout.three-password"))).isFalse();

        for (int attempt = 1; attempt <= 10; attempt++) {
            CLOCK.advance(Duration.ofSeconds(61));
            HttpResponse<String> answer = browser.submitSecondFactor(String.format("%06d", attempt));
            assertThat(answer.headers().firstValue("Location").orElseThrow()).contains("?error");
        }
        CLOCK.advance(Duration.ofSeconds(61));
        assertThat(browser.submitSecondFactor(Totp.codeAt(secret, step())).headers().firstValue("Location")
                .orElseThrow()).as("the right code while locked").contains("?error");

        CLOCK.advance(Duration.ofMinutes(15));
        assertThat(browser.submitSecondFactor(Totp.codeAt(secret, step())).headers().firstValue("Location")
                .orElseThrow()).as("after the lock").doesNotContain("error").contains("/oauth2/authorize");
        assertThat(events("scout.three")).containsSubsequence(SignInEvents.PASSWORD_ACCEPTED,
                SignInEvents.SECOND_FACTOR_REFUSED, SignInEvents.ACCOUNT_LOCKED, SignInEvents.ATTEMPT_LOCKED_OUT,
                SignInEvents.SECOND_FACTOR_ACCEPTED, SignInEvents.SIGNED_IN);
    }

    private PkceSignIn signInPage() {
        return new PkceSignIn(port);
    }

    private static long step() {
        return CLOCK.millis() / Totp.STEP.toMillis();
    }

    /** Every refusal sends the browser back to the form with the one error message. */
    private static boolean refused(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).isEqualTo(302);
        return answer.headers().firstValue("Location").orElseThrow().endsWith("/login?error");
    }

    private static String page(PkceSignIn browser, String location) throws Exception {
        return browser.get(location.replaceFirst("^https?://[^/]+", "")).body()
                .replaceAll("name=\"_csrf\" value=\"[^\"]+\"", "");
    }

    private List<String> events(String account) {
        return mongo.find(Query.query(Criteria.where("subjectRef").is(account).and("at").gte(since))
                        .with(Sort.by("_id")), Document.class, "audit_log").stream().map(entry -> entry.getString("action")).toList();
    }

    private static List<String> repeat(String action, int times) {
        return java.util.Collections.nCopies(times, action);
    }

    @SafeVarargs
    private static List<String> concat(List<String>... parts) {
        List<String> all = new ArrayList<>();
        for (List<String> part : parts) {
            all.addAll(part);
        }
        return all;
    }
}
