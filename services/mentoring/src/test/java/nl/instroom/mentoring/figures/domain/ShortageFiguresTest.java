package nl.instroom.mentoring.figures.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.instroom.mentoring.pair.domain.Pair;
import nl.instroom.mentoring.signup.domain.DayPart;
import nl.instroom.mentoring.signup.domain.Side;
import nl.instroom.mentoring.signup.domain.SignUp;
import nl.instroom.mentoring.signup.domain.StaffLink;
import nl.instroom.mentoring.signup.domain.Theme;
import org.junit.jupiter.api.Test;

/**
 * The ★ counting: stayed, left and unknown among the school leaders who took part, and ambassadors since the
 * cohort's start — from staff links and what arrived about them, on made-up cohorts.
 */
class ShortageFiguresTest {

    private static final LocalDate STARTS = LocalDate.of(2027, 4, 1);
    private static final LocalDate ENDS = LocalDate.of(2027, 7, 31);
    private static final String TAKES_PART = "21CM00";
    private static final String DOES_NOT = "30XY00";

    private final List<SignUp> signUps = new ArrayList<>();
    private final List<Pair> pairs = new ArrayList<>();

    /** A school leader whose pair started (or not), with the link as given. */
    private void leader(String name, StaffLink link, boolean started) {
        SignUp leader = SignUp.restore("leader-" + name, "c1", "ref-" + name, Side.SCHOOL_LEADER, name,
                name + "@example.org", "fp-" + name, "PO", "AM36", "Bestuur " + name, Map.of(Theme.LEADERSHIP, 2),
                Set.of(DayPart.MORNING), 1, Set.of(), STARTS.minusMonths(1), ENDS, SignUp.Status.SIGNED_UP, null,
                null, link, 1);
        signUps.add(leader);
        Pair pair = Pair.propose("c1", "run-1", leader.id(), "exec-" + name, leader.participantRef(),
                "ref-exec-" + name, 40, STARTS.minusDays(10));
        pair.accept(Side.SCHOOL_LEADER);
        pair.accept(Side.EXECUTIVE);
        if (started) {
            pair.activate(STARTS);
        }
        pairs.add(pair);
    }

    private static StaffLink link(String school, YearMonth leftIn, LocalDate nominatedOn) {
        return new StaffLink("hash-" + school + leftIn + nominatedOn, school, leftIn, Set.of("talent-1"),
                nominatedOn);
    }

    private ShortageFigures figures() {
        return ShortageFigures.of(STARTS, ENDS, signUps, pairs, Set.of(TAKES_PART));
    }

    @Test
    void aLinkedLeaderAtATakingPartSchoolStaysUnlessALeavingDateFallsUpToAYearAfterTheEnd() {
        leader("never-left", link(TAKES_PART, null, null), true);
        leader("left-in-cohort", link(TAKES_PART, YearMonth.of(2027, 6), null), true);
        leader("left-last-month-of-window", link(TAKES_PART, YearMonth.of(2028, 7), null), true);
        leader("left-after-window", link(TAKES_PART, YearMonth.of(2028, 8), null), true);
        leader("left-before-start", link(TAKES_PART, YearMonth.of(2027, 2), null), true);

        ShortageFigures figures = figures();

        assertThat(figures.leadersTookPart()).isEqualTo(5);
        assertThat(figures.followed()).isEqualTo(5);
        assertThat(figures.left()).as("in the cohort, the window's last month, and before the start").isEqualTo(3);
        assertThat(figures.stayed()).as("no date, or one after the window").isEqualTo(2);
        assertThat(figures.unknown()).isZero();
    }

    @Test
    void noLinkOrASchoolWithoutStayInterviewsIsUnknownNeverStayed() {
        leader("no-link", null, true);
        leader("elsewhere", link(DOES_NOT, null, null), true);
        leader("elsewhere-left", link(DOES_NOT, YearMonth.of(2027, 5), null), true);
        leader("followed", link(TAKES_PART, null, null), true);

        ShortageFigures figures = figures();

        assertThat(figures).isEqualTo(new ShortageFigures(4, 1, 1, 0, 3, 0));
    }

    @Test
    void onlyLeadersWhosePairStartedCount() {
        leader("started", link(TAKES_PART, YearMonth.of(2027, 5), STARTS), true);
        leader("never-started", link(TAKES_PART, YearMonth.of(2027, 5), STARTS), false);
        SignUp executive = SignUp.restore("exec-x", "c1", "ref-x", Side.EXECUTIVE, "X", "x@example.org", "fp-x",
                "Energie", "AM36", "Bedrijf", Map.of(Theme.FINANCE, 1), Set.of(), 1, Set.of(), STARTS, ENDS,
                SignUp.Status.SIGNED_UP, null, null, null, 1);
        signUps.add(executive);

        assertThat(figures()).isEqualTo(new ShortageFigures(1, 1, 0, 1, 0, 1));
    }

    @Test
    void anAmbassadorCountsWhenNominatedOnOrAfterTheCohortsStartAtAnySchool() {
        leader("before", link(TAKES_PART, null, STARTS.minusDays(1)), true);
        leader("on-start", link(TAKES_PART, null, STARTS), true);
        leader("later-elsewhere", link(DOES_NOT, null, ENDS.plusMonths(3)), true);
        leader("never", link(TAKES_PART, null, null), true);
        leader("unlinked", null, true);

        ShortageFigures figures = figures();

        assertThat(figures.ambassadors()).as("on the start day, and later at a school without stay interviews")
                .isEqualTo(2);
        assertThat(figures.leadersTookPart()).isEqualTo(5);
    }
}
