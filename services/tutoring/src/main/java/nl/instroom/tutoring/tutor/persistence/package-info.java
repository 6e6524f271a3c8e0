/** MongoDB storage of tutors (one document each, with its outbox) and the PC4 reference data. */
package nl.instroom.tutoring.tutor.persistence;
