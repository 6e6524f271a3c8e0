/** HTTP API of a cohort's figures ({@code /api/cohorts/{id}/figures}). */
package nl.instroom.mentoring.figures.web;
