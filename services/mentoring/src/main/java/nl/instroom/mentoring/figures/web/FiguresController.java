package nl.instroom.mentoring.figures.web;

import nl.instroom.mentoring.figures.application.CohortFiguresService;
import nl.instroom.mentoring.figures.domain.CohortFigures;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A cohort's figures: counts and averages, no person. */
@RestController
class FiguresController {

    private final CohortFiguresService figures;

    FiguresController(CohortFiguresService figures) {
        this.figures = figures;
    }

    @GetMapping("/api/cohorts/{id}/figures")
    CohortFigures of(@PathVariable String id) {
        return figures.of(id);
    }
}
