/**
 * The tutor aggregate: a pupil who tutors at schools. The most personal data tutoring holds (name, birth date), kept
 * here and never published: events carry a pseudonymous id, subjects and the 4-digit postcode area only. Under 16,
 * a parent's consent must be recorded before any placement can be confirmed. Plain Java.
 */
package nl.instroom.tutoring.tutor.domain;
