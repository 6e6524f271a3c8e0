package nl.instroom.mentoring.figures.domain;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import nl.instroom.mentoring.pair.domain.EndReason;
import nl.instroom.mentoring.pair.domain.FeedbackMoment;
import nl.instroom.mentoring.pair.domain.Pair;
import nl.instroom.mentoring.pair.domain.PairStatus;
import nl.instroom.mentoring.signup.domain.Side;
import nl.instroom.mentoring.signup.domain.SignUp;

/**
 * One cohort in numbers.
 *
 * @param pairsMatched pairs proposed from the confirmed run (any status)
 * @param pairsStarted pairs that became active at some point (active, completed, or ended early after starting)
 * @param activePairRate pairs started per pair matched (0 when none were matched)
 * @param meetingsPerStartedPair meetings logged per started pair (0 when none started)
 * @param feedback average score and count per moment and side
 * @param earlyEndings pairs ended early, by reason
 * @param shortage what it did for the shortage: school leaders who stayed and who became ambassadors
 */
public record CohortFigures(String cohortId, int schoolLeadersSignedUp, int executivesSignedUp, int withdrawn,
        int pairsMatched, int pairsDeclined, int pairsStarted, int pairsActiveNow, int pairsCompleted,
        int pairsQuietNow, double activePairRate, int meetings, double meetingsPerStartedPair,
        List<FeedbackScore> feedback, Map<EndReason, Integer> earlyEndings, ShortageFigures shortage) {

    /** The average of the scores one side gave at one moment. */
    public record FeedbackScore(FeedbackMoment moment, Side side, int given, double averageScore) {
    }

    public static CohortFigures of(String cohortId, List<SignUp> signUps, List<Pair> pairs,
            ShortageFigures shortage) {
        int leaders = (int) signUps.stream().filter(s -> s.side() == Side.SCHOOL_LEADER).count();
        int executives = signUps.size() - leaders;
        int withdrawn = (int) signUps.stream().filter(s -> !s.active()).count();
        int started = (int) pairs.stream().filter(p -> p.activatedOn() != null).count();
        int meetings = pairs.stream().mapToInt(p -> p.meetings().size()).sum();
        Map<EndReason, Integer> early = new EnumMap<>(EndReason.class);
        pairs.stream().filter(p -> p.status() == PairStatus.ENDED_EARLY)
                .forEach(p -> early.merge(p.endReason(), 1, Integer::sum));
        List<FeedbackScore> feedback = new java.util.ArrayList<>();
        for (FeedbackMoment moment : FeedbackMoment.values()) {
            for (Side side : Side.values()) {
                List<Integer> scores = pairs.stream().flatMap(p -> p.feedback().stream())
                        .filter(f -> f.moment() == moment && f.side() == side).map(Pair.Feedback::score).toList();
                if (!scores.isEmpty()) {
                    feedback.add(new FeedbackScore(moment, side, scores.size(),
                            round(scores.stream().mapToInt(Integer::intValue).average().orElse(0))));
                }
            }
        }
        return new CohortFigures(cohortId, leaders, executives, withdrawn, pairs.size(),
                count(pairs, PairStatus.DECLINED), started, count(pairs, PairStatus.ACTIVE),
                count(pairs, PairStatus.COMPLETED),
                (int) pairs.stream().filter(p -> p.status() == PairStatus.ACTIVE && p.quietSince() != null).count(),
                pairs.isEmpty() ? 0 : round((double) started / pairs.size()), meetings,
                started == 0 ? 0 : round((double) meetings / started), feedback, early, shortage);
    }

    private static int count(List<Pair> pairs, PairStatus status) {
        return (int) pairs.stream().filter(p -> p.status() == status).count();
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
