package nl.instroom.identity.secondfactor.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import nl.instroom.identity.InstroomUser;
import nl.instroom.identity.secondfactor.application.SecondFactors;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The second-factor pages: the code form, the enrollment on the first sign-in (the secret as an {@code otpauth://}
 * link and as text to type; no QR service is asked), and the recovery codes, shown once. Only for a person past the
 * password step; an enrolled person is never offered a new enrollment, so a password alone cannot replace a factor.
 */
@Controller
class SecondFactorPages {

    static final String VERIFY = "/login/second-factor";
    static final String ENROLL = "/login/second-factor/enroll";
    static final String RECOVERY = "/login/second-factor/recovery-codes";
    static final String PROPOSED_SECRET = SecondFactorPages.class.getName() + ".proposed";
    static final String RECOVERY_CODES = SecondFactorPages.class.getName() + ".recovery";

    private final SecondFactors factors;
    private final HttpSessionRequestCache savedRequests = new HttpSessionRequestCache();

    SecondFactorPages(SecondFactors factors) {
        this.factors = factors;
    }

    @GetMapping(VERIFY)
    String verify(@RequestParam(required = false) String error, Model model) {
        InstroomUser user = signedInWithPassword();
        if (user == null) {
            return "redirect:/login";
        }
        if (!factors.enrolled(user.getUsername())) {
            return "redirect:" + ENROLL;
        }
        model.addAttribute("error", error != null);
        return "signin/second-factor";
    }

    @GetMapping(ENROLL)
    String enroll(@RequestParam(required = false) String error, HttpSession session, Model model) {
        InstroomUser user = signedInWithPassword();
        if (user == null) {
            return "redirect:/login";
        }
        if (factors.enrolled(user.getUsername())) {
            return "redirect:" + VERIFY;
        }
        String secret = (String) session.getAttribute(PROPOSED_SECRET);
        SecondFactors.Proposal proposal = secret == null ? factors.propose(user.getUsername())
                : factors.proposal(user.getUsername(), secret);
        session.setAttribute(PROPOSED_SECRET, proposal.secret());
        model.addAttribute("secret", proposal.secret().replaceAll("(.{4})(?!$)", "$1 "));
        model.addAttribute("otpauthUri", proposal.otpauthUri());
        model.addAttribute("error", error != null);
        return "signin/enroll";
    }

    @GetMapping(RECOVERY)
    String recoveryCodes(HttpServletRequest request, HttpServletResponse response, HttpSession session, Model model) {
        @SuppressWarnings("unchecked")
        List<String> codes = (List<String>) session.getAttribute(RECOVERY_CODES);
        session.removeAttribute(RECOVERY_CODES);
        if (codes == null) {
            return "redirect:/";
        }
        SavedRequest saved = savedRequests.getRequest(request, response);
        model.addAttribute("codes", codes);
        model.addAttribute("continueUrl", saved == null ? "/" : saved.getRedirectUrl());
        return "signin/recovery-codes";
    }

    private static InstroomUser signedInWithPassword() {
        try {
            return SecondFactorFilter.pastPassword(SecurityContextHolder.getContext().getAuthentication());
        } catch (InsufficientAuthenticationException notYet) {
            return null;
        }
    }
}
