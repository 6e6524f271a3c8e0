/**
 * A programme (cross-mentoring as AVS and NL2025 ran it) and its cohorts: rounds with a sign-up window, a start and
 * an end. Plain Java: the dates' rules live here.
 */
package nl.instroom.mentoring.programme.domain;
