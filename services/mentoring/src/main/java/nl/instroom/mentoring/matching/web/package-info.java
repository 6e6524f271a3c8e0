/** HTTP API of matching ({@code /api/cohorts/{id}/matching-runs}, pins, exclusions, explanations). */
package nl.instroom.mentoring.matching.web;
