package nl.instroom.scouting.talent.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import nl.instroom.chassis.refusal.InvalidRequest;
import nl.instroom.events.scouting.PersonKind;
import nl.instroom.events.scouting.TalentStage;

/**
 * The pipeline's funnel for a period: of the talents flagged in it (flag date within the period, both ends
 * included), how many ever reached each further stage, per person kind, and the conversion between consecutive
 * stages. A stage reached after the period still counts: the question is what became of that period's flags.
 */
public final class Funnel {

    /**
     * The figures of one person kind. A conversion is the share of the previous stage that reached the next one;
     * null when the previous stage is empty (no share of nothing).
     */
    public record Figures(PersonKind personKind, int flagged, int approached, int interested, int enrolled,
            int declined, int withdrawn, Double flaggedToApproached, Double approachedToInterested,
            Double interestedToEnrolled) {
    }

    private Funnel() {
    }

    /** One row per person kind, in the order of {@link PersonKind}. */
    public static List<Figures> of(Collection<Talent> talents, LocalDate from, LocalDate to) {
        if (from == null || to == null || to.isBefore(from)) {
            throw new InvalidRequest("A funnel period runs from a day to the same or a later day");
        }
        List<Figures> rows = new ArrayList<>();
        for (PersonKind kind : PersonKind.values()) {
            int[] counts = new int[TalentStage.values().length];
            for (Talent talent : talents) {
                if (talent.personKind() != kind || talent.flaggedOn().isBefore(from)
                        || talent.flaggedOn().isAfter(to)) {
                    continue;
                }
                for (TalentStage stage : TalentStage.values()) {
                    if (talent.reached(stage)) {
                        counts[stage.ordinal()]++;
                    }
                }
            }
            int flagged = counts[TalentStage.FLAGGED.ordinal()];
            int approached = counts[TalentStage.APPROACHED.ordinal()];
            int interested = counts[TalentStage.INTERESTED.ordinal()];
            int enrolled = counts[TalentStage.ENROLLED.ordinal()];
            rows.add(new Figures(kind, flagged, approached, interested, enrolled,
                    counts[TalentStage.DECLINED.ordinal()], counts[TalentStage.WITHDRAWN.ordinal()],
                    share(approached, flagged), share(interested, approached), share(enrolled, interested)));
        }
        return rows;
    }

    private static Double share(int part, int whole) {
        return whole == 0 ? null : (double) part / whole;
    }
}
