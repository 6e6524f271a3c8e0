/** Spring Cloud Stream bindings that feed need-mapping's events into tutoring's projections. */
package nl.instroom.tutoring.needs.messaging;
