package nl.instroom.stayinterviews.risk.web;

import jakarta.validation.constraints.Pattern;
import nl.instroom.chassis.security.CurrentUser;
import nl.instroom.stayinterviews.risk.application.RetentionOverview;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class RetentionOverviewController {

    private final RetentionOverview overview;

    RetentionOverviewController(RetentionOverview overview) {
        this.overview = overview;
    }

    /**
     * Expected departures (FTE, next 12 months) with trend and history, risk by team (subject), who is due a stay
     * interview, and overdue follow-up actions. No interview text.
     */
    @GetMapping("/api/schools/{schoolCode}/retention")
    RetentionOverview.Overview get(@PathVariable @Pattern(regexp = "[0-9]{2}[A-Z]{2}[0-9]{2}") String schoolCode) {
        return overview.of(schoolCode, CurrentUser.get());
    }
}
