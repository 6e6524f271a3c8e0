/**
 * Handles what arrives from stay-interviews and scouting for the shortage figures: school codes that take part,
 * leaving months, talents of kind STAFF and ambassador nominations — kept only where a sign-up's staff link hashes
 * to the reference, dropped otherwise — and an erasure request of kind STAFF, which removes a matching link.
 */
package nl.instroom.mentoring.outcome.application;
