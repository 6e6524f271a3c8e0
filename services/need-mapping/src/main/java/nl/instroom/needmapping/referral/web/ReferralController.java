package nl.instroom.needmapping.referral.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import nl.instroom.chassis.security.CurrentUser;
import nl.instroom.needmapping.referral.application.ReferralView;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ReferralController {

    private final ReferralView view;

    ReferralController(ReferralView view) {
        this.view = view;
    }

    /**
     * Career switchers career-advice referred to the region in the last {@code months} (default 12), by
     * pseudonymous case reference, newest first, with per sector and subject how many next to the region's need.
     */
    @GetMapping("/api/referrals")
    ReferralView.RegionReferrals referrals(@RequestParam(required = false) @Size(max = 40) String region,
            @RequestParam(defaultValue = "12") @Min(1) @Max(60) int months) {
        return view.of(region, months, CurrentUser.get());
    }
}
