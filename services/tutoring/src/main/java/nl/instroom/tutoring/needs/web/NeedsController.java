package nl.instroom.tutoring.needs.web;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import nl.instroom.chassis.security.CurrentUser;
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
        return views.inRegion(CurrentUser.get().regionAsked(region));
    }

    /**
     * Open vacancies tutoring knows of, at one school or in the caller's region (every region for country-wide
     * callers). A school outside the caller's scope, or one whose region tutoring has not heard of, is not found.
     */
    @GetMapping("/open-vacancies")
    List<OpenVacancy> openVacancies(@RequestParam(required = false)
            @Pattern(regexp = "[0-9]{2}[A-Z]{2}[0-9]{2}", message = "must be a vestigingscode such as 21CM00")
            String schoolCode) {
        CurrentUser user = CurrentUser.get();
        if (schoolCode != null) {
            String schoolRegion = views.find(schoolCode).map(SchoolNeedView::region).orElse(null);
            if (!user.coversSchool(schoolCode, schoolRegion)) {
                throw new NotFoundException("School", schoolCode);
            }
            return needs.openAt(schoolCode);
        }
        Optional<String> region = user.regionAskedOrAll(null);
        if (region.isEmpty()) {
            return needs.allOpen();
        }
        Set<String> schoolsOfRegion = views.inRegion(region.get()).stream().map(SchoolNeedView::schoolCode)
                .collect(Collectors.toSet());
        return needs.allOpen().stream().filter(vacancy -> schoolsOfRegion.contains(vacancy.schoolCode())).toList();
    }
}
