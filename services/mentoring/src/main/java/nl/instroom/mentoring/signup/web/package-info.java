/** HTTP API for a cohort's sign-ups ({@code /api/cohorts/{id}/sign-ups}, {@code /api/sign-ups/{id}}). */
package nl.instroom.mentoring.signup.web;
