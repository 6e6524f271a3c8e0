package nl.instroom.careeradvice.cases.web;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Size;
import java.util.List;
import nl.instroom.careeradvice.cases.application.Introductions;
import nl.instroom.chassis.security.CurrentUser;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The region's coordinator reads the referred career switchers who agreed to be introduced to them. */
@RestController
@Validated
class IntroductionController {

    private final Introductions introductions;

    IntroductionController(Introductions introductions) {
        this.introductions = introductions;
    }

    @GetMapping("/api/introductions")
    @Operation(summary = "For the coordinator of a region: the referred career switchers who agreed to be introduced "
            + "to that region, each with only what they agreed to share (first name, contact e-mail) under the case "
            + "reference need-mapping's referral view names. Another region is 404. Every read is audited.")
    List<Introductions.Introduced> introductions(@RequestParam(required = false) @Size(max = 40) String region) {
        return introductions.of(region, CurrentUser.get());
    }
}
