/** MongoDB documents of pairs (with the outbox) and of each sign-up's seats. */
package nl.instroom.mentoring.pair.persistence;
