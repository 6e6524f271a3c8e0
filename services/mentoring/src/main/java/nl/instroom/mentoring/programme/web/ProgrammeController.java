package nl.instroom.mentoring.programme.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import nl.instroom.mentoring.programme.application.ProgrammeService;
import nl.instroom.mentoring.programme.domain.Cohort;
import nl.instroom.mentoring.programme.domain.Programme;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Programmes and their cohorts, for the programme coordinator. */
@RestController
class ProgrammeController {

    record ProgrammeRequest(@NotBlank @Size(max = Programme.MAX_NAME) String name) {
    }

    record CohortRequest(@NotBlank @Size(max = Cohort.MAX_NAME) String name, @NotNull LocalDate signUpOpens,
            @NotNull LocalDate signUpCloses, @NotNull LocalDate starts, @NotNull LocalDate ends) {
    }

    private final ProgrammeService programmes;

    ProgrammeController(ProgrammeService programmes) {
        this.programmes = programmes;
    }

    @PostMapping("/api/programmes")
    ResponseEntity<Programme> create(@Valid @RequestBody ProgrammeRequest request) {
        Programme programme = programmes.create(request.name());
        return ResponseEntity.created(URI.create("/api/programmes/" + programme.id())).body(programme);
    }

    @GetMapping("/api/programmes")
    List<Programme> all() {
        return programmes.all();
    }

    @GetMapping("/api/programmes/{id}")
    Programme get(@PathVariable String id) {
        return programmes.get(id);
    }

    @PostMapping("/api/programmes/{id}/cohorts")
    ResponseEntity<Cohort> addCohort(@PathVariable String id, @Valid @RequestBody CohortRequest request) {
        Cohort cohort = programmes.addCohort(id, new ProgrammeService.NewCohort(request.name(),
                request.signUpOpens(), request.signUpCloses(), request.starts(), request.ends()));
        return ResponseEntity.created(URI.create("/api/cohorts/" + cohort.id())).body(cohort);
    }

    @GetMapping("/api/programmes/{id}/cohorts")
    List<Cohort> cohorts(@PathVariable String id) {
        return programmes.cohorts(id);
    }

    @GetMapping("/api/cohorts/{id}")
    Cohort cohort(@PathVariable String id) {
        return programmes.cohort(id);
    }
}
