/**
 * Retention for every service that keeps personal data: each {@link nl.instroom.chassis.retention.RetentionRule}
 * names a kind of data and removes what is past its period; the daily
 * {@link nl.instroom.chassis.retention.RetentionPurge} runs them with the configured periods and publishes what was
 * removed ({@code PersonalDataPurged} on privacy.retention.v1), pseudonymous ids only.
 */
package nl.instroom.chassis.retention;
