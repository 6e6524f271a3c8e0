package nl.instroom.careeradvice.figures.web;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.time.YearMonth;
import nl.instroom.careeradvice.figures.application.DeskReports;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The desk's figures and its yearly report: counts only, no person and no case. */
@RestController
@RequestMapping("/api/figures")
@Validated
class FiguresController {

    private static final String MONTH = "[0-9]{4}-(0[1-9]|1[0-2])";

    private final DeskReports reports;

    FiguresController(DeskReports reports) {
        this.reports = reports;
    }

    @GetMapping
    @Operation(summary = "The desk's figures per month and summed over the period (by default the last twelve "
            + "months): requests, cases opened, people advised (first conversation of the month), the phase funnel, "
            + "cases that left by reason, referrals per region and subject, and the route finder's use.")
    DeskReports.Period figures(@RequestParam(required = false) @Pattern(regexp = MONTH) String from,
            @RequestParam(required = false) @Pattern(regexp = MONTH) String to) {
        return reports.period(from == null ? null : YearMonth.parse(from), to == null ? null : YearMonth.parse(to));
    }

    @GetMapping("/yearly-report")
    @Operation(summary = "The yearly report over a school year, September to August, named by the year it starts "
            + "in (by default the last one that has ended: the report the desk publishes each September).")
    DeskReports.YearlyReport yearly(@RequestParam(required = false) @Min(2000) @Max(9998) Integer year) {
        return reports.yearly(year);
    }
}
