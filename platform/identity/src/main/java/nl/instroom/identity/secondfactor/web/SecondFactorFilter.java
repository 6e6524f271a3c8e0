package nl.instroom.identity.secondfactor.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import nl.instroom.identity.InstroomUser;
import nl.instroom.identity.secondfactor.application.SecondFactorAttempt;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AbstractAuthenticationProcessingFilter;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.WebAuthenticationDetailsSource;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Takes the second-factor forms ({@code POST /login/second-factor} and {@code POST /login/second-factor/enroll})
 * of a person who is past the password step. With Spring Security's multi-factor support on, the factor it
 * authenticates is added to the password sign-in of the session (same person), which is what the authorization
 * endpoint asks for. The session id changes, as at any sign-in. A refusal goes back to the form with one message.
 */
public final class SecondFactorFilter extends AbstractAuthenticationProcessingFilter {

    private static final RequestMatcher ENROLL = PathPatternRequestMatcher.withDefaults()
            .matcher(HttpMethod.POST, SecondFactorPages.ENROLL);
    private static final RequestMatcher VERIFY = PathPatternRequestMatcher.withDefaults()
            .matcher(HttpMethod.POST, SecondFactorPages.VERIFY);

    private final WebAuthenticationDetailsSource details = new WebAuthenticationDetailsSource();

    public SecondFactorFilter(AuthenticationManager secondFactors) {
        super(new OrRequestMatcher(VERIFY, ENROLL), secondFactors);
        setMfaEnabled(true);
        setSecurityContextRepository(new DelegatingSecurityContextRepository(
                new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository()));
        setSessionAuthenticationStrategy(new ChangeSessionIdAuthenticationStrategy());
        SavedRequestAwareAuthenticationSuccessHandler toSavedRequest = new SavedRequestAwareAuthenticationSuccessHandler();
        setAuthenticationSuccessHandler((request, response, authentication) -> {
            if (request.getSession().getAttribute(SecondFactorPages.RECOVERY_CODES) != null) {
                response.sendRedirect(request.getContextPath() + SecondFactorPages.RECOVERY);
            } else {
                toSavedRequest.onAuthenticationSuccess(request, response, authentication);
            }
        });
        setAuthenticationFailureHandler((request, response, failure) -> {
            String back = failure instanceof InsufficientAuthenticationException ? "/login"
                    : (ENROLL.matches(request) ? SecondFactorPages.ENROLL : SecondFactorPages.VERIFY) + "?error";
            response.sendRedirect(request.getContextPath() + back);
        });
    }

    @Override
    public Authentication attemptAuthentication(HttpServletRequest request, HttpServletResponse response)
            throws AuthenticationException {
        InstroomUser user = pastPassword(SecurityContextHolder.getContext().getAuthentication());
        HttpSession session = request.getSession();
        String proposed = null;
        if (ENROLL.matches(request)) {
            proposed = (String) session.getAttribute(SecondFactorPages.PROPOSED_SECRET);
            if (proposed == null) {
                throw new InsufficientAuthenticationException("No enrollment was proposed in this session");
            }
        }
        String code = request.getParameter("code");
        SecondFactorAttempt attempt = new SecondFactorAttempt(user, code == null ? "" : code.strip(), proposed);
        attempt.setDetails(details.buildDetails(request));
        Authentication result = getAuthenticationManager().authenticate(attempt);
        if (attempt.enrollment()) {
            session.removeAttribute(SecondFactorPages.PROPOSED_SECRET);
            session.setAttribute(SecondFactorPages.RECOVERY_CODES, attempt.recoveryCodes());
        }
        return result;
    }

    /** The person of a password sign-in in this session; nobody else may give a second factor. */
    static InstroomUser pastPassword(Authentication current) {
        if (current != null && current.isAuthenticated() && current.getPrincipal() instanceof InstroomUser user
                && current.getAuthorities().stream().anyMatch(authority -> FactorGrantedAuthority.PASSWORD_AUTHORITY
                        .equals(authority.getAuthority()))) {
            return user;
        }
        throw new InsufficientAuthenticationException("Sign in with a password first");
    }
}
