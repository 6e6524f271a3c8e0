/** tutoring's view of staff needs at schools, as learned from need-mapping's events. Plain Java. */
package nl.instroom.tutoring.needs.domain;
