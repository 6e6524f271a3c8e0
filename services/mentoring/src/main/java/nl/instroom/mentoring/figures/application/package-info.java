/** A cohort's figures, computed from its sign-ups and pairs when asked. */
package nl.instroom.mentoring.figures.application;
