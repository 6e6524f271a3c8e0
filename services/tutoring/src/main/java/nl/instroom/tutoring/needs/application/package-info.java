/** Keeps tutoring's need projections current from need-mapping's events. */
package nl.instroom.tutoring.needs.application;
