/** Advisers' free slots and their one-time booking. */
package nl.instroom.careeradvice.agenda;
