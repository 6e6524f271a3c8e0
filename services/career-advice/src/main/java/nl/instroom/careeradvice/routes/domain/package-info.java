/**
 * The route finder's rules ({@link nl.instroom.careeradvice.routes.domain.RouteBook}: questions that depend on
 * earlier answers, routes with the answers they require and the reasons shown), an anonymous session's answers,
 * and the anonymous usage counts.
 */
package nl.instroom.careeradvice.routes.domain;
