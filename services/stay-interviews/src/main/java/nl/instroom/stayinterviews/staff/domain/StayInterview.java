package nl.instroom.stayinterviews.staff.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import nl.instroom.chassis.refusal.InvalidRequest;
import nl.instroom.events.stay.RiskBand;

/**
 * One stay interview. The scores, intent, ambitions and dates are structured and drive the risk band; the
 * interviewer, the answers, the notes and the actions' texts are free text, encrypted at rest. {@code contentShown}
 * is false where that free text was not decrypted (overviews) or cannot be any more (crypto-shredded).
 */
public record StayInterview(String id, LocalDate heldOn, String interviewer, Answers answers, int workload,
        int satisfaction, IntentToStay intentToStay, List<GrowthAmbition> ambitions, List<FollowUpAction> actions,
        String notes, RiskBand riskBand, boolean contentShown) {

    public static final int MAX_NOTES = 4000;
    public static final int MAX_ACTIONS = 20;

    public StayInterview {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(heldOn, "heldOn");
        ambitions = List.copyOf(ambitions == null ? List.of() : ambitions);
        actions = List.copyOf(actions == null ? List.of() : actions);
        answers = answers == null ? Answers.none() : answers;
    }

    /** A new interview as HR records it; the risk band follows from the rule, never from the caller. */
    public static StayInterview record(String id, LocalDate heldOn, String interviewer, Answers answers, int workload,
            int satisfaction, IntentToStay intentToStay, List<GrowthAmbition> ambitions, List<FollowUpAction> actions,
            String notes, LocalDate today) {
        if (heldOn == null || heldOn.isAfter(today)) {
            throw new InvalidRequest("A stay interview is recorded once it was held (not in the future)");
        }
        if (interviewer == null || interviewer.isBlank() || interviewer.length() > 120) {
            throw new InvalidRequest("A stay interview names its interviewer (at most 120 characters)");
        }
        if (workload < 1 || workload > 5 || satisfaction < 1 || satisfaction > 5) {
            throw new InvalidRequest("Workload and satisfaction are scored 1 to 5");
        }
        if (intentToStay == null) {
            throw new InvalidRequest("Intent to stay twelve months is YES, UNSURE or NO");
        }
        if (notes != null && notes.length() > MAX_NOTES) {
            throw new InvalidRequest("Notes have at most " + MAX_NOTES + " characters");
        }
        if (actions != null && actions.size() > MAX_ACTIONS) {
            throw new InvalidRequest("At most " + MAX_ACTIONS + " follow-up actions per interview");
        }
        if (ambitions != null && ambitions.stream().map(GrowthAmbition::ambition).distinct().count()
                != ambitions.size()) {
            throw new InvalidRequest("Each growth ambition is named once");
        }
        StayInterview interview = new StayInterview(id, heldOn, interviewer.trim(), answers, workload, satisfaction,
                intentToStay, ambitions, actions, blankToNull(notes),
                RiskRule.band(intentToStay, satisfaction, workload), true);
        interview.answers().check();
        interview.actions().forEach(action -> action.check(heldOn));
        return interview;
    }

    public boolean hasOverdueActions(LocalDate today) {
        return actions.stream().anyMatch(action -> action.overdueOn(today));
    }

    StayInterview withActionDone(int index, LocalDate on) {
        if (index < 0 || index >= actions.size()) {
            throw new InvalidRequest("Interview " + id + " has no follow-up action " + index);
        }
        if (actions.get(index).doneOn() != null) {
            return this;
        }
        List<FollowUpAction> changed = new ArrayList<>(actions);
        changed.set(index, actions.get(index).doneOn(on));
        return new StayInterview(id, heldOn, interviewer, answers, workload, satisfaction, intentToStay, ambitions,
                changed, notes, riskBand, contentShown);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
