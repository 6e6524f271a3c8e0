/** MongoDB storage of placements: one document each, with its history and outbox. */
package nl.instroom.tutoring.placement.persistence;
