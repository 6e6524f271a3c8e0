/**
 * A cohort's figures — what the real programme's evaluations could not say: how many pairs were made and started,
 * how often they met, how the two sides scored them, and why pairs ended early. Counts only; no person. Plain Java.
 */
package nl.instroom.mentoring.figures.domain;
