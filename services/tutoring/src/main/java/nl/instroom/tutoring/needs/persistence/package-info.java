/** MongoDB storage of tutoring's need projections. */
package nl.instroom.tutoring.needs.persistence;
