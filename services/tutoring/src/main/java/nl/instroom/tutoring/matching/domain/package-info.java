/**
 * The matching model in plain Java: which tutor-school-subject pairs are allowed (hard constraints), what each is
 * worth (need-weighted fit minus travel), the fairness terms, and how an assignment scores. The solver behind it
 * is a port, so the model can be checked against an independent exact search in a unit test.
 */
package nl.instroom.tutoring.matching.domain;
