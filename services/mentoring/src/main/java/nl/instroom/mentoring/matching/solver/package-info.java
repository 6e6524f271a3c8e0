/**
 * The adapter of the matching port {@code PairingSolver} to the shared exact solver ({@code platform/assignment}'s
 * {@code BipartiteAssignment}); it verifies the solver's certificate of optimality before answering.
 */
package nl.instroom.mentoring.matching.solver;
