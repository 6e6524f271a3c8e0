package nl.instroom.identity.signin.application;

import nl.instroom.identity.InstroomUser;
import nl.instroom.identity.signin.domain.SignInThrottle;
import nl.instroom.identity.signin.domain.Verdict;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * The password step, throttled. The throttle is asked first: an attempt it refuses is not evaluated at all. Else
 * Spring Security's {@link DaoAuthenticationProvider} checks the password — for an unknown username too, against a
 * dummy hash of the same cost, so the answer takes as long either way — and every refusal is the same exception
 * with the same message, whatever the reason.
 *
 * <p>A correct password clears the account's failures only for people without a second factor: for the others the
 * second factor does, or a guesser who knows the password could reset the count between guesses of the code.
 */
public final class ThrottledPasswordSignIn implements AuthenticationProvider {

    /** The one message of every refused sign-in. */
    public static final String REFUSED = "Sign-in refused";

    private final DaoAuthenticationProvider passwords;
    private final SignInThrottle throttle;
    private final SignInEvents events;

    public ThrottledPasswordSignIn(UserDetailsService users, PasswordEncoder encoder, SignInThrottle throttle,
            SignInEvents events) {
        this.passwords = new DaoAuthenticationProvider(users);
        this.passwords.setPasswordEncoder(encoder);
        // told apart here for the audit only; the caller gets the same refusal either way
        this.passwords.setHideUserNotFoundExceptions(false);
        this.throttle = throttle;
        this.events = events;
    }

    @Override
    public Authentication authenticate(Authentication attempt) throws AuthenticationException {
        String account = attempt.getName();
        String address = address(attempt);
        Verdict verdict = throttle.check(account, address);
        if (!verdict.allowed()) {
            events.refused(account, verdict);
            throw new BadCredentialsException(REFUSED);
        }
        Authentication result;
        try {
            result = passwords.authenticate(attempt);
        } catch (UsernameNotFoundException | BadCredentialsException wrong) {
            events.failed(SignInEvents.PASSWORD_REFUSED, account, throttle.failed(account, address));
            throw new BadCredentialsException(REFUSED);
        }
        if (result.getPrincipal() instanceof InstroomUser user && user.needsSecondFactor()) {
            events.record(SignInEvents.PASSWORD_ACCEPTED, user.getUsername());
        } else {
            throttle.succeeded(account);
            events.record(SignInEvents.SIGNED_IN, result.getName());
        }
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /** The client's address as the request gave it (behind a proxy: the forwarded one, see docs/operations.md). */
    public static String address(Authentication attempt) {
        return attempt.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null;
    }
}
