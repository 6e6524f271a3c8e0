/**
 * Events of mentoring's pairs on {@code mentoring.pairs.v1}: pseudonymous participant references, cohort ids,
 * dates, counts and codes — never a name, an organisation, a goal or a word of feedback.
 */
package nl.instroom.events.mentoring;
