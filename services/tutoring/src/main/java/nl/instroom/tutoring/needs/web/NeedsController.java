package nl.instroom.tutoring.needs.web;

import jakarta.validation.constraints.Pattern;
import java.util.List;
import nl.instroom.tutoring.needs.domain.OpenVacancy;
import nl.instroom.tutoring.needs.domain.VacancyNeeds;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/needs")
class NeedsController {

    private final VacancyNeeds needs;

    NeedsController(VacancyNeeds needs) {
        this.needs = needs;
    }

    /** Open vacancies tutoring knows of, at one school or everywhere. */
    @GetMapping("/open-vacancies")
    List<OpenVacancy> openVacancies(@RequestParam(required = false)
            @Pattern(regexp = "[0-9]{2}[A-Z]{2}[0-9]{2}", message = "must be a vestigingscode such as 21CM00")
            String schoolCode) {
        return schoolCode == null ? needs.allOpen() : needs.openAt(schoolCode);
    }
}
