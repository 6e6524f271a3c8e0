/**
 * mentoring: cross-mentoring of school leaders and business executives (the AVS and NL2025 initiative), run by a
 * programme coordinator — programmes and their cohorts ({@code programme}), sign-ups ({@code signup}), exact matching
 * with an explanation of every pair's score ({@code matching}). See docs/mentoring.md.
 */
package nl.instroom.mentoring;
