package nl.instroom.mentoring.figures.domain;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import nl.instroom.mentoring.pair.domain.Pair;
import nl.instroom.mentoring.signup.domain.Side;
import nl.instroom.mentoring.signup.domain.SignUp;
import nl.instroom.mentoring.signup.domain.StaffLink;

/**
 * What a cohort did for the shortage of school leaders, by pseudonymous links only (docs/mentoring.md).
 *
 * <p>Counted are the cohort's school leaders who took part: whose pair started. Of them, those with a staff link at
 * a school that takes part in stay interviews are followed: <b>left</b> when a leaving date was entered that falls
 * no later than the month a year after the cohort's end (one ahead of today counts: the leader is leaving), else
 * <b>stayed</b> — so far, while that year runs. The others are <b>unknown</b>, never "stayed": no link, or a school
 * where no leaving date would ever be published. <b>Ambassadors</b> are the linked leaders (at any school) of whom
 * a talent of kind STAFF was nominated ambassador on or after the cohort's start.
 *
 * @param leadersTookPart school leaders of the cohort whose pair started
 * @param followed of them, those with a staff link at a school taking part in stay interviews
 * @param stayed of the followed, those without a leaving date up to a year after the cohort's end
 * @param left of the followed, those with one
 * @param unknown leaders who took part and are not followed
 * @param ambassadors leaders who took part and were nominated ambassador since the cohort's start
 */
public record ShortageFigures(int leadersTookPart, int followed, int stayed, int left, int unknown,
        int ambassadors) {

    public ShortageFigures {
        if (stayed + left != followed || followed + unknown != leadersTookPart || ambassadors > leadersTookPart) {
            throw new IllegalArgumentException("The shortage figures do not add up");
        }
    }

    /**
     * @param takingPart the schools (of those the leaders' links name) that take part in stay interviews
     */
    public static ShortageFigures of(LocalDate cohortStarts, LocalDate cohortEnds, List<SignUp> signUps,
            List<Pair> pairs, Set<String> takingPart) {
        Set<String> started = pairs.stream().filter(p -> p.activatedOn() != null).map(Pair::leaderSignUp)
                .collect(Collectors.toSet());
        YearMonth windowEnd = YearMonth.from(cohortEnds.plusYears(1));
        int tookPart = 0;
        int followed = 0;
        int left = 0;
        int ambassadors = 0;
        for (SignUp leader : signUps) {
            if (leader.side() != Side.SCHOOL_LEADER || !started.contains(leader.id())) {
                continue;
            }
            tookPart++;
            StaffLink link = leader.staffLink();
            if (link == null) {
                continue;
            }
            if (takingPart.contains(link.schoolCode())) {
                followed++;
                if (link.leftBy(windowEnd)) {
                    left++;
                }
            }
            if (link.ambassadorSince(cohortStarts)) {
                ambassadors++;
            }
        }
        return new ShortageFigures(tookPart, followed, followed - left, left, tookPart - followed, ambassadors);
    }
}
