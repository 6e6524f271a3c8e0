package nl.instroom.careeradvice.cases.application;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import nl.instroom.careeradvice.cases.domain.AdviceCase;
import nl.instroom.careeradvice.cases.domain.ClosingReason;
import nl.instroom.careeradvice.cases.domain.Phase;
import nl.instroom.careeradvice.figures.domain.DeskFigures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Raises the desk's anonymous counters for what just happened to a case, after the case was saved. A count that
 * cannot be written is logged (what, never whom) and not retried, and the adviser's change stands: it is saved, and
 * the figures are a tally, not the record.
 */
@Component
class Counting {

    private static final Logger log = LoggerFactory.getLogger(Counting.class);

    private final DeskFigures figures;
    private final Clock clock;

    Counting(DeskFigures figures, Clock clock) {
        this.figures = figures;
        this.clock = clock;
    }

    void requested(boolean newCase) {
        count("request", () -> figures.requested(YearMonth.now(clock), newCase));
    }

    /** A contact logged on {@code day}: the case's first of that month counts it as advised that month. */
    void contact(LocalDate day, boolean firstOfMonth) {
        if (firstOfMonth) {
            count("advised", () -> figures.advised(YearMonth.from(day)));
        }
    }

    /**
     * The case moved from having got as far as {@code before}: every phase beyond it up to where it got now is
     * reached (skipped phases in passing); leaving counts with its reason.
     */
    void moved(Phase before, AdviceCase now, ClosingReason reason) {
        YearMonth month = YearMonth.now(clock);
        List<String> reached = Arrays.stream(Phase.values())
                .filter(phase -> phase != Phase.LEFT && phase.ordinal() > before.ordinal()
                        && phase.ordinal() <= now.furthestPhase().ordinal())
                .map(Phase::name).toList();
        if (!reached.isEmpty()) {
            count("reached", () -> figures.reached(month, reached));
        }
        if (now.phase() == Phase.LEFT && reason != null) {
            count("left", () -> figures.left(month, reason.name()));
        }
    }

    void referred(AdviceCase.Referral referral) {
        count("referral", () -> figures.referred(YearMonth.from(referral.on()), referral.region(),
                referral.sector().name(), referral.subject()));
    }

    private static void count(String what, Runnable raise) {
        try {
            raise.run();
        } catch (RuntimeException e) {
            log.warn("The desk's {} count could not be raised: {}", what, e.toString());
        }
    }
}
