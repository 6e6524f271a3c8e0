/** Events scouting publishes about talents and ambassadors, under pseudonymous ids and without rationale text. */
package nl.instroom.events.scouting;
