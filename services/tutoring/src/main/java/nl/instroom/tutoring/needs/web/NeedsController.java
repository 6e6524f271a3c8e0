package nl.instroom.tutoring.needs.web;

import jakarta.validation.constraints.Pattern;
import java.util.List;
import jakarta.validation.constraints.Size;
import nl.instroom.chassis.security.CurrentUser;
import nl.instroom.chassis.security.Role;
import nl.instroom.chassis.web.NotFoundException;
import nl.instroom.tutoring.needs.domain.OpenVacancy;
import nl.instroom.tutoring.needs.domain.SchoolNeedView;
import nl.instroom.tutoring.needs.domain.SchoolNeedViews;
import nl.instroom.tutoring.needs.domain.VacancyNeeds;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/needs")
class NeedsController {

    private final VacancyNeeds needs;
    private final SchoolNeedViews views;

    NeedsController(VacancyNeeds needs, SchoolNeedViews views) {
        this.needs = needs;
        this.views = views;
    }

    /** The schools of a region with their need, as tutoring knows them from need-mapping's events. */
    @GetMapping("/schools")
    List<SchoolNeedView> schools(@RequestParam(required = false) @Size(max = 40) String region) {
        CurrentUser user = CurrentUser.get();
        String scope = region != null ? region : user.region();
        if (scope == null || (!user.has(Role.ADMIN) && !scope.equals(user.region()))) {
            throw new NotFoundException("Region", String.valueOf(region));
        }
        return views.inRegion(scope);
    }

    /** Open vacancies tutoring knows of, at one school or everywhere. */
    @GetMapping("/open-vacancies")
    List<OpenVacancy> openVacancies(@RequestParam(required = false)
            @Pattern(regexp = "[0-9]{2}[A-Z]{2}[0-9]{2}", message = "must be a vestigingscode such as 21CM00")
            String schoolCode) {
        return schoolCode == null ? needs.allOpen() : needs.openAt(schoolCode);
    }
}
