/** The Kafka bindings of stay.signals.v1, stay.departures.v1 and scouting.talent.v1 for the shortage figures. */
package nl.instroom.mentoring.outcome.messaging;
