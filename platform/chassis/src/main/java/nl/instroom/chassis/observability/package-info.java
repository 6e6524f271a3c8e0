/** Trace context for events that are published later than the request that caused them. */
package nl.instroom.chassis.observability;
