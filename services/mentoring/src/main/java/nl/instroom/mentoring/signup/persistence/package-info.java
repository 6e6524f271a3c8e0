/** MongoDB documents of sign-ups, with the outbox. */
package nl.instroom.mentoring.signup.persistence;
