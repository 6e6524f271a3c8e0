package nl.instroom.mentoring.pair.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import nl.instroom.chassis.refusal.ChangedMeanwhile;
import nl.instroom.mentoring.pair.domain.Pair;
import nl.instroom.mentoring.pair.domain.Pairs;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Pairs that stopped meeting: the real programme found that pairs with frequent contact changed most, so an active
 * pair without a meeting for {@code instroom.mentoring.quiet-after-weeks} weeks (default 3) is flagged — once per
 * quiet spell, with a {@code PairWentQuiet} event — and listed for the coordinator until it meets again. Checked
 * every morning; safe on several instances (each flag is a conditional write of the pair).
 */
@Component
public class QuietPairs {

    private static final int PAGE = 500;

    private final Pairs pairs;
    private final Clock clock;
    private final int weeks;

    QuietPairs(Pairs pairs, Clock clock, @Value("${instroom.mentoring.quiet-after-weeks:3}") int weeks) {
        if (weeks < 1) {
            throw new IllegalStateException("instroom.mentoring.quiet-after-weeks must be at least 1");
        }
        this.pairs = pairs;
        this.clock = clock;
        this.weeks = weeks;
    }

    /** Flags every active pair that went quiet; returns how many were flagged now. */
    @Scheduled(cron = "${instroom.mentoring.quiet-check-cron:0 15 6 * * *}", zone = "UTC")
    public int flag() {
        LocalDate today = LocalDate.now(clock);
        int flagged = 0;
        String after = null;
        List<Pair> page;
        do {
            page = pairs.activeUnflagged(after, PAGE);
            for (Pair pair : page) {
                after = pair.id();
                if (pair.flagIfQuiet(today, weeks)) {
                    try {
                        pairs.save(pair);
                        flagged++;
                    } catch (ChangedMeanwhile changed) {
                        // a meeting was logged (or another instance flagged it) meanwhile: looked at again tomorrow
                    }
                }
            }
        } while (page.size() == PAGE);
        return flagged;
    }

    public List<Pair> quietIn(String cohortId) {
        return pairs.quietIn(cohortId);
    }

    public int weeks() {
        return weeks;
    }
}
