/** Consumers of tutoring's placements and stay-interviews' signals, feeding the suggestions inbox. */
package nl.instroom.scouting.suggestion.messaging;
