/**
 * The service's own small vault: the keyed hash that recognises a person's e-mail address without keeping it in
 * the clear for that purpose, and the sealing of free text (feedback) under a key per participant, so that deleting
 * the key makes the text unreadable everywhere, backups included.
 */
package nl.instroom.mentoring.vault.domain;
