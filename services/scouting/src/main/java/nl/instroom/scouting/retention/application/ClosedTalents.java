package nl.instroom.scouting.retention.application;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import nl.instroom.scouting.talent.domain.Talent;
import nl.instroom.scouting.talent.domain.Talents;

/**
 * The talents whose follow-up ended before the cutoff ({@link Talent#inactiveSince}): the one rule of when a
 * talent's retention periods start, for both kinds of what the scout keeps about a person.
 */
final class ClosedTalents {

    private static final int PAGE = 200;

    private ClosedTalents() {
    }

    /** At most {@code limit} ids of talents inactive since before the cutoff that still hold what {@code keeps}. */
    static List<String> inactiveBefore(Talents talents, Instant cutoff, int limit, Predicate<Talent> keeps) {
        LocalDate day = LocalDate.ofInstant(cutoff, ZoneOffset.UTC);
        List<String> due = new ArrayList<>();
        String after = null;
        while (due.size() < limit) {
            List<Talent> page = talents.closedPage(after, PAGE);
            for (Talent talent : page) {
                if (due.size() < limit && keeps.test(talent)
                        && talent.inactiveSince().map(since -> since.isBefore(day)).orElse(false)) {
                    due.add(talent.id());
                }
            }
            if (page.size() < PAGE) {
                break;
            }
            after = page.get(page.size() - 1).id();
        }
        return due;
    }
}
