package nl.instroom.portal.web;

import nl.instroom.portal.security.PortalUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

@Controller
class HomeController {

    @GetMapping("/")
    String home(Authentication authentication) {
        return "redirect:" + PortalUser.of(authentication).startPage();
    }

    @GetMapping("/forbidden")
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String forbidden() {
        return "forbidden";
    }

    @GetMapping("/no-role")
    String noRole() {
        return "no-role";
    }

    @GetMapping("/signed-out")
    String signedOut() {
        return "signed-out";
    }
}
