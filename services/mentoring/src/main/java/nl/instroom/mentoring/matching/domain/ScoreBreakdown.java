package nl.instroom.mentoring.matching.domain;

import java.util.List;
import nl.instroom.mentoring.signup.domain.Theme;

/**
 * Why a pair scored what it did, part by part: the points every allowed pair gets, the points of each theme the
 * leader wants and the executive brings (importance × theme weight), and the same-region points. The parts add up to
 * {@code total}, which is what the solver maximised the sum of.
 */
public record ScoreBreakdown(int pairPoints, List<ThemeFit> themes, int regionPoints, int total) {

    /** One shared theme and its points. */
    public record ThemeFit(Theme theme, int importance, int points) {
    }

    public ScoreBreakdown {
        themes = List.copyOf(themes);
        int sum = pairPoints + regionPoints + themes.stream().mapToInt(ThemeFit::points).sum();
        if (sum != total) {
            throw new IllegalArgumentException("The parts (" + sum + ") do not add up to the total (" + total + ")");
        }
    }
}
