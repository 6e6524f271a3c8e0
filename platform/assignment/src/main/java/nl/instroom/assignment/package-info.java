/**
 * Exact optimisation for matching problems, with no domain in it: a {@link nl.instroom.assignment.FlowNetwork}
 * solved to a minimum-cost flow by {@link nl.instroom.assignment.MinCostFlow}, and the bipartite special case
 * ({@link nl.instroom.assignment.BipartiteAssignment}: left and right items with capacities, valued candidate
 * edges, pins) that matching services use.
 *
 * <p>Every answer carries an {@link nl.instroom.assignment.OptimalityCertificate}: node potentials under which no
 * residual arc has a negative reduced cost, which is the classical proof that a flow has minimum cost. The
 * certificate is checked by code that does not share the solvers' logic, and a solve whose certificate does not
 * check throws rather than returning an answer that might be wrong.
 */
package nl.instroom.assignment;
