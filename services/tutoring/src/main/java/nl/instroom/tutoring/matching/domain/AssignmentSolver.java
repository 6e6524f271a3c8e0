package nl.instroom.tutoring.matching.domain;

import java.util.List;

/**
 * Finds an assignment with the highest objective {@link Assignment#score} can give: every pinned pair, any other
 * allowed pairs, within each tutor's hours and each school's capacity, one subject per tutor and school.
 */
public interface AssignmentSolver {

    List<Pair> solve(MatchingProblem problem);
}
