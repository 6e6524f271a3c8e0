/** Bindings that feed other services' signals into the need index: stay.signals.v1 and tutoring.placements.v1. */
package nl.instroom.needmapping.need.messaging;
