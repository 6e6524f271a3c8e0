package nl.instroom.careeradvice.figures.domain;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * The desk's counters per month. They hold no case id, name or answer — only how many — so they stay when the
 * cases they counted are erased or purged: a yearly report published in September still counts the person whose
 * case went in March.
 */
public interface DeskFigures {

    /**
     * The funnel's stages in order: a case's phases (the cases capability's {@code Phase}) without {@code LEFT},
     * which is counted apart with its reason. {@code NEW} is counted as the cases opened.
     */
    List<String> FUNNEL = List.of("NEW", "ORIENTING", "PREPARING", "IN_TRAINING", "WORKING");

    /** A request for a conversation; {@code newCase} when it opened a case (not a returning person's). */
    void requested(YearMonth month, boolean newCase);

    /** A case had its first conversation (logged contact) of that month. */
    void advised(YearMonth month);

    /** A case reached these phases for the first time (a case skipping a phase reaches it too, in passing). */
    void reached(YearMonth month, List<String> phases);

    /** A case left, with its reason. */
    void left(YearMonth month, String reason);

    /** A referral to a region, for a sector and (vo, mbo) a subject. */
    void referred(YearMonth month, String region, String sector, String subject);

    /** The months from {@code from} to {@code to}, oldest first, a month without counts as zeros. */
    List<Month> months(YearMonth from, YearMonth to);

    /** One month's counts. */
    record Month(YearMonth month, long requests, long newCases, long advised, Map<String, Long> reached,
            Map<String, Long> left, List<Referrals> referrals) {

        public Month {
            reached = Map.copyOf(reached);
            left = Map.copyOf(left);
            referrals = List.copyOf(referrals);
        }
    }

    /** How many referrals went to a region for a sector and subject ({@code null} subject for po and so). */
    record Referrals(String region, String sector, String subject, long count) {
    }
}
