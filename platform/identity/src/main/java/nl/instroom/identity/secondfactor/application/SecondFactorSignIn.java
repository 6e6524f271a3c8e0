package nl.instroom.identity.secondfactor.application;

import java.util.List;
import nl.instroom.identity.InstroomUser;
import nl.instroom.identity.secondfactor.domain.SecondFactorRule;
import nl.instroom.identity.signin.application.SignInEvents;
import nl.instroom.identity.signin.application.ThrottledPasswordSignIn;
import nl.instroom.identity.signin.domain.SignInThrottle;
import nl.instroom.identity.signin.domain.Verdict;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.FactorGrantedAuthority;

/**
 * The second step of signing in: a code of the person's authenticator app, one of their recovery codes, or — on
 * their first sign-in — the code that confirms a new enrollment. Throttled like the password (the same counts per
 * account and address), so six digits cannot be guessed at leisure. Its result is the person with the
 * {@code FACTOR_TOTP} authority; Spring Security's multi-factor support adds it to the password sign-in the session
 * already holds.
 */
public final class SecondFactorSignIn implements AuthenticationProvider {

    private final SecondFactors factors;
    private final SignInThrottle throttle;
    private final SignInEvents events;

    public SecondFactorSignIn(SecondFactors factors, SignInThrottle throttle, SignInEvents events) {
        this.factors = factors;
        this.throttle = throttle;
        this.events = events;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        SecondFactorAttempt attempt = (SecondFactorAttempt) authentication;
        InstroomUser user = attempt.getPrincipal();
        String account = user.getUsername();
        String address = ThrottledPasswordSignIn.address(attempt);
        Verdict verdict = throttle.check(account, address);
        if (!verdict.allowed()) {
            events.refused(account, verdict);
            throw new BadCredentialsException(ThrottledPasswordSignIn.REFUSED);
        }
        String typed = (String) attempt.getCredentials();
        if (attempt.enrollment()) {
            List<String> codes = factors.enroll(account, attempt.proposedSecret(), typed);
            if (codes.isEmpty()) {
                refuse(account, address);
            }
            attempt.recoveryCodes(codes);
            events.record(SignInEvents.SECOND_FACTOR_ENROLLED, account);
        } else {
            switch (factors.verify(account, typed)) {
                case CODE -> events.record(SignInEvents.SECOND_FACTOR_ACCEPTED, account);
                case RECOVERY_CODE -> events.record(SignInEvents.RECOVERY_CODE_USED, account);
                case REFUSED -> refuse(account, address);
            }
        }
        throttle.succeeded(account);
        events.record(SignInEvents.SIGNED_IN, account);
        return UsernamePasswordAuthenticationToken.authenticated(user, null,
                List.of(FactorGrantedAuthority.fromAuthority(SecondFactorRule.AUTHORITY)));
    }

    private void refuse(String account, String address) {
        events.failed(SignInEvents.SECOND_FACTOR_REFUSED, account, throttle.failed(account, address));
        throw new BadCredentialsException(ThrottledPasswordSignIn.REFUSED);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return SecondFactorAttempt.class.isAssignableFrom(authentication);
    }
}
