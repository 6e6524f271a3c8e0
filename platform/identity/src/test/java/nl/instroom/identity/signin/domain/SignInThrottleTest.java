package nl.instroom.identity.signin.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import nl.instroom.testing.MutableClock;
import org.junit.jupiter.api.Test;

/** Growing waits, then a lock that lifts after its time, per account and per address; time moves by hand. */
class SignInThrottleTest {

    private final MutableClock clock = MutableClock.startingNow();
    private final SignInThrottle throttle = new SignInThrottle(ThrottlePolicy.PER_ACCOUNT,
            ThrottlePolicy.PER_ADDRESS, clock, 10_000);

    @Test
    void theFirstFailuresCostNothingThenEachWaitDoublesUpToTheCap() {
        ThrottlePolicy policy = ThrottlePolicy.PER_ACCOUNT;

        assertThat(policy.delayAfter(2)).isZero();
        assertThat(policy.delayAfter(3)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.delayAfter(4)).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.delayAfter(8)).isEqualTo(Duration.ofSeconds(32));
        assertThat(policy.delayAfter(9)).isEqualTo(Duration.ofSeconds(60));
        assertThat(policy.delayAfter(500)).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void twentyWrongPasswordsForOneAccountAreDelayedThenLockedAndTheLockLiftsAfterItsTime() {
        int evaluated = 0;
        boolean sawDelay = false;
        boolean locked = false;
        for (int attempt = 1; attempt <= 20; attempt++) {
            Verdict verdict = throttle.check("admin", "address-" + attempt);
            if (verdict.kind() == Verdict.Kind.DELAYED) {
                sawDelay = true;
                clock.advance(Duration.between(clock.instant(), verdict.until()));
                verdict = throttle.check("admin", "address-" + attempt);
            }
            if (verdict.kind() == Verdict.Kind.LOCKED) {
                continue;
            }
            assertThat(verdict.allowed()).isTrue();
            evaluated++;
            locked |= throttle.failed("admin", "address-" + attempt).accountLocked();
        }

        assertThat(sawDelay).as("waits before the lock").isTrue();
        assertThat(locked).isTrue();
        assertThat(evaluated).as("the 10th failure locks; the other 10 attempts are not evaluated").isEqualTo(10);
        Verdict whileLocked = throttle.check("admin", "elsewhere");
        assertThat(whileLocked.kind()).isEqualTo(Verdict.Kind.LOCKED);
        assertThat(throttle.check("ADMIN ", "elsewhere").kind()).as("the same account in other case")
                .isEqualTo(Verdict.Kind.LOCKED);

        clock.advance(Duration.ofMinutes(15).minusSeconds(1));
        assertThat(throttle.check("admin", "elsewhere").kind()).isEqualTo(Verdict.Kind.LOCKED);
        clock.advance(Duration.ofSeconds(1));
        assertThat(throttle.check("admin", "elsewhere").allowed()).as("the lock lifts after its time").isTrue();
    }

    @Test
    void anAttemptDuringAWaitIsRefusedAndTheWaitGrows() {
        for (int i = 0; i < 3; i++) {
            throttle.failed("hr", "a");
        }
        Verdict first = throttle.check("hr", "b");
        assertThat(first.kind()).isEqualTo(Verdict.Kind.DELAYED);
        assertThat(first.until()).isEqualTo(clock.instant().plusSeconds(1));

        clock.advance(Duration.ofSeconds(1));
        throttle.failed("hr", "a");
        assertThat(throttle.check("hr", "b").until()).isEqualTo(clock.instant().plusSeconds(2));
    }

    @Test
    void oneAddressTryingManyAccountsIsDelayedThenLocked() {
        boolean sawDelay = false;
        boolean locked = false;
        for (int attempt = 1; attempt <= 20; attempt++) {
            Verdict verdict = throttle.check("account-" + attempt, "203.0.113.7");
            if (verdict.kind() == Verdict.Kind.DELAYED) {
                sawDelay = true;
                clock.advance(Duration.between(clock.instant(), verdict.until()));
            }
            locked |= throttle.failed("account-" + attempt, "203.0.113.7").addressLocked();
        }

        assertThat(sawDelay).isTrue();
        assertThat(locked).as("the 20th failure from the address locks it").isTrue();
        assertThat(throttle.check("someone-else", "203.0.113.7").kind()).isEqualTo(Verdict.Kind.LOCKED);
        assertThat(throttle.check("someone-else", "198.51.100.1").allowed()).as("other addresses go on").isTrue();
        clock.advance(Duration.ofMinutes(15));
        assertThat(throttle.check("someone-else", "203.0.113.7").allowed()).isTrue();
    }

    @Test
    void aSuccessClearsTheAccountButNotTheAddress() {
        for (int i = 0; i < 12; i++) {
            throttle.failed("account-" + i, "192.0.2.1");
            throttle.failed("coordinator", "192.0.2.2");
        }
        assertThat(throttle.check("coordinator", "192.0.2.9").kind()).isEqualTo(Verdict.Kind.LOCKED);
        clock.advance(Duration.ofMinutes(15));

        throttle.succeeded("coordinator");
        throttle.succeeded("account-11");

        assertThat(throttle.check("coordinator", "192.0.2.9").allowed()).isTrue();
        throttle.failed("account-12", "192.0.2.1");
        assertThat(throttle.check("account-11", "192.0.2.1").allowed()).as("13 failures from the address: waits")
                .isFalse();
    }

    @Test
    void oldFailuresAreForgottenAndSweptAndTheNumberOfKeysIsBounded() {
        for (int i = 0; i < 3; i++) {
            throttle.failed("scout", "192.0.2.3");
        }
        clock.advance(Duration.ofHours(1));
        assertThat(throttle.check("scout", "192.0.2.3").allowed()).isTrue();
        assertThat(throttle.sweep()).isZero();

        SignInThrottle small = new SignInThrottle(ThrottlePolicy.PER_ACCOUNT, ThrottlePolicy.PER_ADDRESS, clock, 100);
        for (int i = 0; i < 10; i++) {
            small.failed("victim", "192.0.2.4");
        }
        for (int i = 0; i < 1_000; i++) {
            clock.advance(Duration.ofMillis(1));
            small.failed("sprayed-" + i, "192.0.2." + (i % 200));
        }
        assertThat(small.sweep()).isLessThanOrEqualTo(200);
        assertThat(small.check("victim", "192.0.2.250").kind()).as("a running lock is never dropped")
                .isEqualTo(Verdict.Kind.LOCKED);
    }
}
