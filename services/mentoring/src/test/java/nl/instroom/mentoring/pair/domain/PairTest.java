package nl.instroom.mentoring.pair.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import nl.instroom.chassis.refusal.InvalidRequest;
import nl.instroom.chassis.refusal.NotPossibleNow;
import nl.instroom.events.mentoring.PairActivated;
import nl.instroom.events.mentoring.PairEnded;
import nl.instroom.events.mentoring.PairMatched;
import nl.instroom.events.mentoring.PairWentQuiet;
import nl.instroom.mentoring.signup.domain.Side;
import org.junit.jupiter.api.Test;

class PairTest {

    private static final LocalDate START = LocalDate.of(2027, 4, 1);

    private static Pair proposed() {
        return Pair.propose("cohort-1", "run-1", "leader-signup", "executive-signup", "ref-director",
                "ref-executive", 75, START.minusDays(10));
    }

    private static Pair active() {
        Pair pair = proposed();
        pair.accept(Side.SCHOOL_LEADER);
        pair.accept(Side.EXECUTIVE);
        pair.activate(START);
        return pair;
    }

    @Test
    void aPairStartsOnlyOnceBothSidesAccepted() {
        Pair pair = proposed();
        assertThat(pair.registeredEvents()).singleElement().isInstanceOf(PairMatched.class);

        pair.accept(Side.EXECUTIVE);
        assertThat(pair.status()).isEqualTo(PairStatus.PROPOSED);
        assertThatThrownBy(() -> pair.activate(START)).isInstanceOf(NotPossibleNow.class);
        assertThatThrownBy(() -> pair.accept(Side.EXECUTIVE)).isInstanceOf(NotPossibleNow.class);

        pair.accept(Side.SCHOOL_LEADER);
        pair.activate(START);

        assertThat(pair.status()).isEqualTo(PairStatus.ACTIVE);
        assertThat(pair.registeredEvents()).last().isInstanceOf(PairActivated.class);
    }

    @Test
    void meetingsAreLoggedBetweenTheStartAndTodayWithTheirLengthAndMode() {
        Pair pair = active();

        pair.logMeeting(new Pair.Meeting(START.plusDays(7), 90, MeetingMode.IN_PERSON), START.plusDays(8));

        assertThat(pair.meetings()).hasSize(1);
        assertThatThrownBy(() -> pair.logMeeting(new Pair.Meeting(START.plusDays(9), 60, MeetingMode.ONLINE),
                START.plusDays(8))).isInstanceOf(InvalidRequest.class);
        assertThatThrownBy(() -> pair.logMeeting(new Pair.Meeting(START.minusDays(1), 60, MeetingMode.ONLINE),
                START.plusDays(8))).isInstanceOf(InvalidRequest.class);
        assertThatThrownBy(() -> pair.logMeeting(new Pair.Meeting(START.plusDays(8), 0, MeetingMode.PHONE),
                START.plusDays(8))).isInstanceOf(InvalidRequest.class);
    }

    @Test
    void aPairWithoutAMeetingForTheConfiguredWeeksIsFlaggedOncePerQuietSpell() {
        Pair pair = active();

        assertThat(pair.flagIfQuiet(START.plusWeeks(3).minusDays(1), 3)).isFalse();
        assertThat(pair.flagIfQuiet(START.plusWeeks(3), 3)).isTrue();
        assertThat(pair.registeredEvents()).last().isInstanceOf(PairWentQuiet.class);
        assertThat(pair.flagIfQuiet(START.plusWeeks(4), 3)).as("flagged once").isFalse();

        pair.logMeeting(new Pair.Meeting(START.plusWeeks(4), 60, MeetingMode.ONLINE), START.plusWeeks(4));
        assertThat(pair.quietSince()).isNull();
        assertThat(pair.flagIfQuiet(START.plusWeeks(6), 3)).isFalse();
        assertThat(pair.flagIfQuiet(START.plusWeeks(7), 3)).isTrue();
    }

    @Test
    void feedbackIsOneScorePerSideAndMomentAndFinalFeedbackAlsoAfterTheEnd() {
        Pair pair = active();
        pair.giveFeedback(new Pair.Feedback(Side.SCHOOL_LEADER, FeedbackMoment.MIDWAY, 4, "sealed"));

        assertThatThrownBy(() -> pair.giveFeedback(new Pair.Feedback(Side.SCHOOL_LEADER, FeedbackMoment.MIDWAY, 5,
                null))).isInstanceOf(NotPossibleNow.class);
        assertThatThrownBy(() -> pair.giveFeedback(new Pair.Feedback(Side.EXECUTIVE, FeedbackMoment.MIDWAY, 6,
                null))).isInstanceOf(InvalidRequest.class);
        pair.complete(START.plusMonths(4));
        assertThatThrownBy(() -> pair.giveFeedback(new Pair.Feedback(Side.EXECUTIVE, FeedbackMoment.MIDWAY, 3,
                null))).isInstanceOf(NotPossibleNow.class);
        pair.giveFeedback(new Pair.Feedback(Side.EXECUTIVE, FeedbackMoment.FINAL, 5, null));

        assertThat(pair.feedback()).hasSize(2);
    }

    @Test
    void anOpenPairEndsEarlyWithAReasonAndAnEndedOneStaysEnded() {
        Pair pair = active();

        pair.endEarly(EndReason.NO_TIME, START.plusWeeks(2));

        assertThat(pair.status()).isEqualTo(PairStatus.ENDED_EARLY);
        assertThat(pair.registeredEvents()).last().isInstanceOfSatisfying(PairEnded.class,
                ended -> assertThat(ended.reason()).isEqualTo("NO_TIME"));
        assertThatThrownBy(() -> pair.endEarly(EndReason.OTHER, START.plusWeeks(3)))
                .isInstanceOf(NotPossibleNow.class);
        assertThatThrownBy(() -> pair.logMeeting(new Pair.Meeting(START.plusWeeks(2), 30, MeetingMode.PHONE),
                START.plusWeeks(3))).isInstanceOf(NotPossibleNow.class);
    }
}
