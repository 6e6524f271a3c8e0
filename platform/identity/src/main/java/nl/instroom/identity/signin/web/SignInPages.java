package nl.instroom.identity.signin.web;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The password form and the identity server's start page. A refused sign-in shows one message whatever the reason
 * (unknown name, wrong password, too many attempts), so the page tells nobody which accounts exist.
 */
@Controller
class SignInPages {

    @GetMapping("/login")
    String login(@RequestParam(required = false) String error, @RequestParam(required = false) String logout,
            Model model) {
        model.addAttribute("error", error != null);
        model.addAttribute("loggedOut", logout != null);
        return "signin/login";
    }

    @GetMapping("/")
    String home(Model model) {
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        model.addAttribute("signedIn", current != null && current.isAuthenticated()
                && !(current instanceof AnonymousAuthenticationToken));
        return "signin/home";
    }
}
