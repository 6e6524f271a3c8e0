package nl.instroom.needmapping.vacancy.web;

import java.io.InputStream;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import nl.instroom.chassis.security.CurrentUser;
import nl.instroom.events.needmap.Urgency;
import nl.instroom.needmapping.vacancy.application.VacancyHistoryQueries;
import nl.instroom.needmapping.vacancy.application.VacancyImport;
import nl.instroom.needmapping.vacancy.application.VacancyService;
import nl.instroom.needmapping.vacancy.domain.Vacancy;
import nl.instroom.needmapping.vacancy.domain.VacancyStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/vacancies")
class VacancyController {

    record OpenVacancyRequest(
            @NotBlank @Pattern(regexp = "[0-9]{2}[A-Za-z]{2}[0-9]{2}", message = "must be a vestigingscode such as 21CM00")
            String schoolCode,
            @NotBlank @Size(max = Vacancy.MAX_SUBJECT_LENGTH) String subject,
            @NotNull @DecimalMin(value = "0.1") @DecimalMax(value = "1.2") BigDecimal fte,
            @Min(1) @Max(48) int hoursPerWeek,
            @NotNull LocalDate startDate,
            @NotNull Urgency urgency,
            LocalDate openedOn) {
    }

    /** A fill as of a day of the past (the school's records entered late); none for today. */
    record FillRequest(LocalDate filledOn) {
    }

    record WithdrawRequest(@NotBlank @Pattern(regexp = "[A-Z_]{2,40}", message = "must be a reason code such as BUDGET")
            String reasonCode, LocalDate withdrawnOn) {
    }

    record VacancyView(String id, String schoolCode, String subject, BigDecimal fte, int hoursPerWeek,
            LocalDate startDate, Urgency urgency, LocalDate openedOn, VacancyStatus status, LocalDate closedOn,
            long revision) {

        static VacancyView of(Vacancy vacancy) {
            return new VacancyView(vacancy.id(), vacancy.schoolCode(), vacancy.subject(), vacancy.fte(),
                    vacancy.hoursPerWeek(), vacancy.startDate(), vacancy.urgency(), vacancy.openedOn(),
                    vacancy.status(), vacancy.closedOn(), vacancy.revision());
        }
    }

    private final VacancyService vacancies;
    private final VacancyImport vacancyImport;
    private final VacancyHistoryQueries history;

    VacancyController(VacancyService vacancies, VacancyImport vacancyImport, VacancyHistoryQueries history) {
        this.vacancies = vacancies;
        this.vacancyImport = vacancyImport;
        this.history = history;
    }

    @PostMapping
    ResponseEntity<VacancyView> open(@Valid @RequestBody OpenVacancyRequest request) {
        Vacancy vacancy = vacancies.open(new VacancyService.OpenVacancy(request.schoolCode(), request.subject(),
                request.fte(), request.hoursPerWeek(), request.startDate(), request.urgency(), request.openedOn()),
                CurrentUser.get());
        return ResponseEntity.created(URI.create("/api/vacancies/" + vacancy.id())).body(VacancyView.of(vacancy));
    }

    /** Opens vacancies from a CSV export; each row stands alone, bad rows are reported by line. */
    @PostMapping(path = "/import", consumes = "text/csv")
    VacancyImport.ImportResult importCsv(InputStream csv) {
        return vacancyImport.importCsv(csv, CurrentUser.get());
    }

    /** The vacancies of one school (its history: open, filled and withdrawn), newest first. */
    @GetMapping
    List<VacancyView> atSchool(@RequestParam @Size(max = 6) String schoolCode,
            @RequestParam(required = false) VacancyStatus status) {
        return vacancies.atSchool(schoolCode, status, CurrentUser.get()).stream().map(VacancyView::of).toList();
    }

    @GetMapping("/{id}")
    VacancyView get(@PathVariable String id) {
        return VacancyView.of(vacancies.get(id, CurrentUser.get()));
    }

    @PostMapping("/{id}/fill")
    VacancyView fill(@PathVariable String id, @RequestBody(required = false) FillRequest request) {
        return VacancyView.of(vacancies.fill(id, request == null ? null : request.filledOn(), CurrentUser.get()));
    }

    @PostMapping("/{id}/withdraw")
    VacancyView withdraw(@PathVariable String id, @Valid @RequestBody WithdrawRequest request) {
        return VacancyView.of(vacancies.withdraw(id, request.reasonCode(), request.withdrawnOn(),
                CurrentUser.get()));
    }

    /**
     * A school's vacancies month by month over the last twelve months: opened, filled, withdrawn, open at the month's
     * end (the current month: today) and the median days to fill.
     */
    @GetMapping("/history/schools/{code}")
    VacancyHistoryQueries.History schoolHistory(@PathVariable @Size(max = 6) String code) {
        return history.ofSchool(code, CurrentUser.get());
    }

    /** The same for a region: the caller's own, or the one a country-wide caller names. */
    @GetMapping("/history/region")
    VacancyHistoryQueries.History regionHistory(@RequestParam(required = false) @Size(max = 40) String region) {
        return history.ofRegion(region, CurrentUser.get());
    }
}
