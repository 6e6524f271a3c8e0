/**
 * Cross-mentoring's pages (the mentoring service): the programme coordinator's programmes, cohorts, sign-ups,
 * matching review, pairs and figures, and a participant's own pairs, meetings and feedback.
 */
package nl.instroom.portal.mentoring;
