package nl.instroom.identity.signin.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import nl.instroom.chassis.audit.AuditTrail;
import nl.instroom.identity.InstroomUser;
import nl.instroom.identity.signin.domain.SignInThrottle;
import nl.instroom.identity.signin.domain.ThrottlePolicy;
import nl.instroom.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * No timing tell and no wording tell: a password is checked against a hash for an unknown account too (the same
 * work as for a known one), and every refusal is the same exception with the same message.
 */
class ThrottledPasswordSignInTest {

    private final PasswordEncoder real = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    private final AtomicInteger hashChecks = new AtomicInteger();
    private final PasswordEncoder counting = new PasswordEncoder() {
        @Override
        public String encode(CharSequence raw) {
            return real.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            hashChecks.incrementAndGet();
            return real.matches(raw, encoded);
        }
    };
    private final InstroomUser admin = new InstroomUser("admin", real.encode("right"), "ADMIN", "");
    private final UserDetailsService users = name -> {
        if (!name.equals("admin")) {
            throw new UsernameNotFoundException("Unknown user");
        }
        return new InstroomUser(admin.getUsername(), admin.getPassword(), "ADMIN", "");
    };
    private final MutableClock clock = MutableClock.startingNow();
    private final List<String> audited = new ArrayList<>();
    private final ThrottledPasswordSignIn signIn = new ThrottledPasswordSignIn(users, counting,
            new SignInThrottle(ThrottlePolicy.PER_ACCOUNT, ThrottlePolicy.PER_ADDRESS, clock, 1_000),
            new SignInEvents(new AuditTrail(null, clock) {
                @Override
                public void recordAs(String actor, String action, String subjectRef) {
                    audited.add(actor + " " + action);
                }
            }, users));

    @Test
    void anUnknownAccountCostsAHashCheckLikeAKnownOneAndIsRefusedInTheSameWords() {
        BadCredentialsException unknown = refusal("nobody", "guess");
        int forUnknown = hashChecks.getAndSet(0);
        BadCredentialsException wrong = refusal("admin", "guess");
        int forKnown = hashChecks.getAndSet(0);

        assertThat(forUnknown).as("a dummy hash is checked for an unknown account").isEqualTo(1);
        assertThat(forKnown).isEqualTo(1);
        assertThat(unknown).hasMessage(wrong.getMessage()).hasSameClassAs(wrong);
        assertThat(audited).containsExactly("unknown-account PASSWORD_REFUSED", "admin PASSWORD_REFUSED");
    }

    @Test
    void aRefusalWhileWaitingIsWordedLikeAWrongPassword() {
        for (int i = 0; i < 3; i++) {
            refusal("admin", "guess");
        }
        hashChecks.set(0);

        BadCredentialsException waiting = refusal("admin", "right");

        assertThat(waiting).hasMessage(ThrottledPasswordSignIn.REFUSED);
        assertThat(hashChecks).as("a refused attempt is not evaluated").hasValue(0);
        assertThat(audited).last().isEqualTo("admin SIGN_IN_DELAYED");
    }

    private BadCredentialsException refusal(String username, String password) {
        return catchThrowableOfType(BadCredentialsException.class,
                () -> signIn.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username, password)));
    }
}
