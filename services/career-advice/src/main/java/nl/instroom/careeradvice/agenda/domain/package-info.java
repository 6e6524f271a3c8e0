/** Advisers' slots for a conversation, and the rule that a slot is booked once. */
package nl.instroom.careeradvice.agenda.domain;
