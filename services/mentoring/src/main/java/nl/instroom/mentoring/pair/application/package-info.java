/**
 * A pair's life as the coordinator records it: proposals from a confirmed matching run, acceptance by both sides
 * (within each side's capacity, however many accept at once), start, meetings, goals, feedback, the end; flagging
 * quiet pairs; and forgetting a participant.
 */
package nl.instroom.mentoring.pair.application;
