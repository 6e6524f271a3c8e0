/** Events tutoring publishes about tutors and placements; tutors appear only under a pseudonymous id. */
package nl.instroom.events.tutoring;
