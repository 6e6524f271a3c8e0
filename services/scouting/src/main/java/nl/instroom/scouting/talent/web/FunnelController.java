package nl.instroom.scouting.talent.web;

import java.time.LocalDate;
import nl.instroom.chassis.security.CurrentUser;
import nl.instroom.scouting.talent.application.AmbassadorOverview;
import nl.instroom.scouting.talent.application.FunnelQuery;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Figures about a region: the funnel, the ambassadors, the coverage of high-need schools. */
@RestController
class FunnelController {

    private final FunnelQuery funnel;
    private final AmbassadorOverview ambassadors;

    FunnelController(FunnelQuery funnel, AmbassadorOverview ambassadors) {
        this.funnel = funnel;
        this.ambassadors = ambassadors;
    }

    /** Of the talents flagged from {@code from} to {@code to} (inclusive), how many reached each stage. */
    @GetMapping("/api/funnel")
    FunnelQuery.FunnelReport funnel(@RequestParam(required = false) String region,
            @RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to) {
        return funnel.funnel(region, from, to, CurrentUser.get());
    }

    @GetMapping("/api/ambassadors")
    AmbassadorOverview.RegionAmbassadors ambassadors(@RequestParam(required = false) String region) {
        return ambassadors.ambassadors(region, CurrentUser.get());
    }

    /** Schools whose need index is at least {@code minNeedIndex} (default 60) and that have no active ambassador. */
    @GetMapping("/api/ambassadors/coverage")
    AmbassadorOverview.Coverage coverage(@RequestParam(required = false) String region,
            @RequestParam(required = false) Double minNeedIndex) {
        return ambassadors.coverage(region, minNeedIndex, CurrentUser.get());
    }
}
