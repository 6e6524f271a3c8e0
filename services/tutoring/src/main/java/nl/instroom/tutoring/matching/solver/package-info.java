/**
 * The exact solver behind matching: the problem as a min-cost flow network, solved and certified optimal by the
 * shared {@code instroom-assignment} library. Fairness terms grow with each extra tutor at a school or placement of
 * a tutor, so they are convex and a flow network represents them exactly with one unit arc per step.
 */
package nl.instroom.tutoring.matching.solver;
