package nl.instroom.mentoring.pair.domain;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.instroom.chassis.refusal.InvalidRequest;
import nl.instroom.chassis.refusal.NotPossibleNow;
import nl.instroom.events.InstroomEvent;
import nl.instroom.events.mentoring.MeetingLogged;
import nl.instroom.events.mentoring.PairActivated;
import nl.instroom.events.mentoring.PairEnded;
import nl.instroom.events.mentoring.PairMatched;
import nl.instroom.events.mentoring.PairWentQuiet;
import nl.instroom.mentoring.signup.domain.Side;

/**
 * A school leader and an executive, matched in a cohort. Both must accept before it can start; it starts only while
 * both still take part (the use case checks their sign-ups); it logs meetings and feedback while active; it ends
 * completed, declined or early with a reason. Every step is registered as an event naming pseudonymous references
 * only.
 */
public final class Pair {

    public static final int MAX_MEETING_MINUTES = 8 * 60;
    public static final int MAX_MEETINGS = 200;
    public static final int MAX_GOALS = 5;

    /** One meeting: when, how long, how — never what was said. */
    public record Meeting(LocalDate on, int minutes, MeetingMode mode) {
    }

    /** One side's feedback at one moment: a score 1–5 and, optionally, text sealed by the vault. */
    public record Feedback(Side side, FeedbackMoment moment, int score, String sealedText) {
    }

    private final String id;
    private final String cohortId;
    private final String runId;
    private final String leaderSignUp;
    private final String executiveSignUp;
    private String leaderRef;
    private String executiveRef;
    private final int score;
    private final LocalDate proposedOn;
    private PairStatus status;
    private boolean leaderAccepted;
    private boolean executiveAccepted;
    private LocalDate activatedOn;
    private LocalDate endedOn;
    private EndReason endReason;
    private final List<Meeting> meetings;
    private final List<String> sealedGoals;
    private final List<Feedback> feedback;
    private LocalDate quietSince;
    private long revision;
    private final long loadedRevision;
    private final List<InstroomEvent> registered = new ArrayList<>();

    private Pair(String id, String cohortId, String runId, String leaderSignUp, String executiveSignUp,
            String leaderRef, String executiveRef, int score, LocalDate proposedOn, PairStatus status,
            boolean leaderAccepted, boolean executiveAccepted, LocalDate activatedOn, LocalDate endedOn,
            EndReason endReason, List<Meeting> meetings, List<String> sealedGoals, List<Feedback> feedback,
            LocalDate quietSince, long revision) {
        this.id = id;
        this.cohortId = cohortId;
        this.runId = runId;
        this.leaderSignUp = leaderSignUp;
        this.executiveSignUp = executiveSignUp;
        this.leaderRef = leaderRef;
        this.executiveRef = executiveRef;
        this.score = score;
        this.proposedOn = proposedOn;
        this.status = status;
        this.leaderAccepted = leaderAccepted;
        this.executiveAccepted = executiveAccepted;
        this.activatedOn = activatedOn;
        this.endedOn = endedOn;
        this.endReason = endReason;
        this.meetings = new ArrayList<>(meetings);
        this.sealedGoals = new ArrayList<>(sealedGoals);
        this.feedback = new ArrayList<>(feedback);
        this.quietSince = quietSince;
        this.revision = revision;
        this.loadedRevision = revision;
    }

    /**
     * A pair proposed to both sides. Its id follows from the cohort and the two sign-ups, so confirming a run again
     * after a failure half-way finds the pairs made the first time.
     */
    public static Pair propose(String cohortId, String runId, String leaderSignUp, String executiveSignUp,
            String leaderRef, String executiveRef, int score, LocalDate today) {
        String id = UUID.nameUUIDFromBytes(("pair:" + cohortId + ":" + leaderSignUp + ":" + executiveSignUp)
                .getBytes(StandardCharsets.UTF_8)).toString();
        Pair pair = new Pair(id, cohortId, runId, leaderSignUp, executiveSignUp, leaderRef, executiveRef, score,
                today, PairStatus.PROPOSED, false, false, null, null, null, List.of(), List.of(), List.of(), null,
                0);
        // Loaded at revision 0 (new), written as revision 1.
        pair.revision = 1;
        pair.registered.add(new PairMatched(id, cohortId, leaderRef, executiveRef, score, today, 1));
        return pair;
    }

    public static Pair restore(String id, String cohortId, String runId, String leaderSignUp,
            String executiveSignUp, String leaderRef, String executiveRef, int score, LocalDate proposedOn,
            PairStatus status, boolean leaderAccepted, boolean executiveAccepted, LocalDate activatedOn,
            LocalDate endedOn, EndReason endReason, List<Meeting> meetings, List<String> sealedGoals,
            List<Feedback> feedback, LocalDate quietSince, long revision) {
        return new Pair(id, cohortId, runId, leaderSignUp, executiveSignUp, leaderRef, executiveRef, score,
                proposedOn, status, leaderAccepted, executiveAccepted, activatedOn, endedOn, endReason,
                meetings == null ? List.of() : meetings, sealedGoals == null ? List.of() : sealedGoals,
                feedback == null ? List.of() : feedback, quietSince, revision);
    }

    /** The sign-up of the side. */
    public String signUpOf(Side side) {
        return side == Side.SCHOOL_LEADER ? leaderSignUp : executiveSignUp;
    }

    public boolean acceptedBy(Side side) {
        return side == Side.SCHOOL_LEADER ? leaderAccepted : executiveAccepted;
    }

    /** One side says yes; with both, the pair is accepted. */
    public void accept(Side side) {
        if (status != PairStatus.PROPOSED) {
            throw new NotPossibleNow("Only a proposed pair is accepted; this one is " + status);
        }
        if (acceptedBy(side)) {
            throw new NotPossibleNow("This side accepted already");
        }
        if (side == Side.SCHOOL_LEADER) {
            leaderAccepted = true;
        } else {
            executiveAccepted = true;
        }
        if (leaderAccepted && executiveAccepted) {
            status = PairStatus.ACCEPTED;
        }
        revision++;
    }

    /** One side says no: the pair will not happen. */
    public void decline(Side side, LocalDate today) {
        if (status != PairStatus.PROPOSED) {
            throw new NotPossibleNow("Only a proposed pair is declined; this one is " + status);
        }
        status = PairStatus.DECLINED;
        endedOn = today;
        revision++;
        registered.add(new PairEnded(id, cohortId, leaderRef, executiveRef, PairStatus.DECLINED.name(), null,
                0, today, revision));
    }

    /** Both accepted, both still take part (the caller checked): the pair starts. */
    public void activate(LocalDate today) {
        if (status != PairStatus.ACCEPTED) {
            throw new NotPossibleNow("A pair starts once both sides accepted; this one is " + status);
        }
        status = PairStatus.ACTIVE;
        activatedOn = today;
        revision++;
        registered.add(new PairActivated(id, cohortId, leaderRef, executiveRef, today, revision));
    }

    public void logMeeting(Meeting meeting, LocalDate today) {
        requireActive();
        if (meeting.on() == null || meeting.mode() == null) {
            throw new InvalidRequest("A meeting has a date and a mode");
        }
        if (meeting.on().isAfter(today) || meeting.on().isBefore(activatedOn)) {
            throw new InvalidRequest("A meeting is logged between the pair's start (" + activatedOn + ") and today");
        }
        if (meeting.minutes() < 1 || meeting.minutes() > MAX_MEETING_MINUTES) {
            throw new InvalidRequest("A meeting lasts 1 to " + MAX_MEETING_MINUTES + " minutes");
        }
        if (meetings.size() >= MAX_MEETINGS) {
            throw new NotPossibleNow("This pair logged " + MAX_MEETINGS + " meetings already");
        }
        meetings.add(meeting);
        if (quietSince != null && !meeting.on().isBefore(quietSince)) {
            quietSince = null;
        }
        revision++;
        registered.add(new MeetingLogged(id, cohortId, meeting.on(), meeting.minutes(), meeting.mode().name(),
                meetings.size(), revision));
    }

    /** A goal the pair set itself, sealed by the vault. */
    public void addGoal(String sealedGoal) {
        requireActive();
        if (sealedGoals.size() >= MAX_GOALS) {
            throw new NotPossibleNow("A pair keeps at most " + MAX_GOALS + " goals");
        }
        sealedGoals.add(sealedGoal);
        revision++;
    }

    /** A side's feedback: mid-way while active, final while active or once completed; once per side and moment. */
    public void giveFeedback(Feedback given) {
        if (given.score() < 1 || given.score() > 5) {
            throw new InvalidRequest("A feedback score is 1 to 5");
        }
        boolean allowed = status == PairStatus.ACTIVE
                || (given.moment() == FeedbackMoment.FINAL && (status == PairStatus.COMPLETED
                || status == PairStatus.ENDED_EARLY));
        if (!allowed) {
            throw new NotPossibleNow("Feedback is given while the pair meets (final feedback also after its end)");
        }
        if (feedback.stream().anyMatch(f -> f.side() == given.side() && f.moment() == given.moment())) {
            throw new NotPossibleNow("This side gave its " + given.moment() + " feedback already");
        }
        feedback.add(given);
        revision++;
    }

    public void complete(LocalDate today) {
        requireActive();
        status = PairStatus.COMPLETED;
        endedOn = today;
        revision++;
        registered.add(new PairEnded(id, cohortId, leaderRef, executiveRef, PairStatus.COMPLETED.name(), null,
                meetings.size(), today, revision));
    }

    public void endEarly(EndReason reason, LocalDate today) {
        if (reason == null) {
            throw new InvalidRequest("Say why the pair ends early");
        }
        if (!status.open()) {
            throw new NotPossibleNow("This pair ended already (" + status + ")");
        }
        status = PairStatus.ENDED_EARLY;
        endReason = reason;
        endedOn = today;
        revision++;
        registered.add(new PairEnded(id, cohortId, leaderRef, executiveRef, PairStatus.ENDED_EARLY.name(),
                reason.name(), meetings.size(), today, revision));
    }

    /**
     * Flags an active pair whose last contact (its last meeting, or its start) is {@code weeks} weeks or more ago,
     * once per quiet spell; returns whether it was flagged now.
     */
    public boolean flagIfQuiet(LocalDate today, int weeks) {
        if (status != PairStatus.ACTIVE || quietSince != null) {
            return false;
        }
        LocalDate lastContact = lastContact();
        if (lastContact.plusWeeks(weeks).isAfter(today)) {
            return false;
        }
        quietSince = today;
        revision++;
        registered.add(new PairWentQuiet(id, cohortId, lastContact, weeks, today, revision));
        return true;
    }

    /** The day of the last meeting, or the start when there was none. */
    public LocalDate lastContact() {
        return meetings.stream().map(Meeting::on).max(LocalDate::compareTo).orElse(activatedOn);
    }

    private void requireActive() {
        if (status != PairStatus.ACTIVE) {
            throw new NotPossibleNow("Only an active pair does this; this one is " + status);
        }
    }

    public List<InstroomEvent> registeredEvents() {
        return List.copyOf(registered);
    }

    public String id() {
        return id;
    }

    public String cohortId() {
        return cohortId;
    }

    public String runId() {
        return runId;
    }

    public String leaderSignUp() {
        return leaderSignUp;
    }

    public String executiveSignUp() {
        return executiveSignUp;
    }

    public String leaderRef() {
        return leaderRef;
    }

    public String executiveRef() {
        return executiveRef;
    }

    public int score() {
        return score;
    }

    public LocalDate proposedOn() {
        return proposedOn;
    }

    public PairStatus status() {
        return status;
    }

    public boolean leaderAccepted() {
        return leaderAccepted;
    }

    public boolean executiveAccepted() {
        return executiveAccepted;
    }

    public LocalDate activatedOn() {
        return activatedOn;
    }

    public LocalDate endedOn() {
        return endedOn;
    }

    public EndReason endReason() {
        return endReason;
    }

    public List<Meeting> meetings() {
        return List.copyOf(meetings);
    }

    public List<String> sealedGoals() {
        return List.copyOf(sealedGoals);
    }

    public List<Feedback> feedback() {
        return List.copyOf(feedback);
    }

    public LocalDate quietSince() {
        return quietSince;
    }

    public long revision() {
        return revision;
    }

    public long loadedRevision() {
        return loadedRevision;
    }
}
