/**
 * The vault's keys, in a database of their own next to the service's (by default {@code <database>-keys}), each
 * wrapped by a master key from a mounted file (the platform's sealing library, {@code nl.instroom.sealing}), so a copy
 * of the data alone holds neither the e-mail pepper nor the text keys, and a copy of both databases opens neither.
 */
package nl.instroom.mentoring.vault.persistence;
