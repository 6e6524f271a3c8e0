/**
 * MongoDB storage of staff members: one document each with its interviews and outbox. Every free-text field is
 * stored sealed by the school's key ({@link nl.instroom.stayinterviews.keys.domain.FreeTextVault}); a removed
 * member leaves a bare tombstone only until its pending events are published.
 */
package nl.instroom.stayinterviews.staff.persistence;
