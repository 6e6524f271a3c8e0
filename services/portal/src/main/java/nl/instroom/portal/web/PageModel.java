package nl.instroom.portal.web;

import nl.instroom.portal.security.PortalUser;
import nl.instroom.portal.services.ServiceProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.ModelAndView;

/** Puts the person in every page's model and turns a service's refusal of a page into a readable page. */
@ControllerAdvice
class PageModel {

    private static final Logger log = LoggerFactory.getLogger(PageModel.class);

    @ModelAttribute("me")
    PortalUser me() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        // Nobody is signed in on the public pages: Spring Security's anonymous token is no person.
        return authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken ? null : PortalUser.of(authentication);
    }

    /** A page whose data a service refused: its status and its words, never a stack trace. */
    @ExceptionHandler(ServiceProblem.class)
    ModelAndView serviceProblem(ServiceProblem problem) {
        // the status and title only: a detail may quote what the person typed
        log.info("{} answered {} ({})", problem.getService(), problem.getStatus(), problem.getTitle());
        ModelAndView page = new ModelAndView("service-problem");
        page.addObject("problem", problem);
        page.addObject("me", me());
        HttpStatus status = HttpStatus.resolve(problem.getStatus());
        page.setStatus(status == null ? HttpStatus.BAD_GATEWAY
                : status.is5xxServerError() ? HttpStatus.BAD_GATEWAY : status);
        return page;
    }

    static void addProblem(Model model, ServiceProblem problem) {
        model.addAttribute("problem", problem);
    }
}
