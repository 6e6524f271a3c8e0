/**
 * How long scouting keeps each kind of personal data (docs/security.md, Retention): the scout's rationale and the
 * person's reference after the follow-up ended, suggestions after they arrived. The chassis' daily purge runs these
 * rules and publishes what they removed.
 */
package nl.instroom.scouting.retention.application;
