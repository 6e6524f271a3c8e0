/**
 * The vault's keys, in a database of their own next to the service's (by default {@code <database>-keys}), so a
 * copy of the data alone holds neither the e-mail pepper nor the text keys.
 */
package nl.instroom.mentoring.vault.persistence;
