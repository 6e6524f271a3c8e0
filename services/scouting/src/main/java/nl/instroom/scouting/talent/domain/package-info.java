/**
 * The talent aggregate: a person (a tutor, a staff member or an external contact, always by pseudonymous reference)
 * a talent scout follows from flag to enrolment, with dated steps, a next-step date, and — for ambassadors — their
 * school and activities. The scout's rationale is the only free text and stays here. Also the funnel: what became
 * of a period's flags. Plain Java.
 */
package nl.instroom.scouting.talent.domain;
