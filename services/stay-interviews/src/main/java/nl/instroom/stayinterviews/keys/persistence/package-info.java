/**
 * The key store: school keys in a database of their own, each wrapped by a master key from a mounted file, with a
 * ledger of deleted keys kept in both databases and applied again at every start; sealing of free text with them,
 * bound to school, employee, interview and field, by the platform's sealing library ({@code nl.instroom.sealing},
 * which also reads the master keys); requests to delete a school's key in {@code key_deletions}.
 */
package nl.instroom.stayinterviews.keys.persistence;
