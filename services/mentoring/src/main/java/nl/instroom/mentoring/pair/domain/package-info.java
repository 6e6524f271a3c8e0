/**
 * A pair's life: proposed to both sides, accepted by both, active while they meet, then completed — or declined, or
 * ended early with a reason. What the pair logs is facts only (meeting dates, durations, modes); goals and feedback
 * text are sealed by the vault before they reach a pair. Plain Java.
 */
package nl.instroom.mentoring.pair.domain;
