/**
 * School keys in their own collection ({@code school_keys}), each wrapped by the master key from configuration,
 * and AES-GCM sealing of free text with them (JDK {@code javax.crypto}); requests to delete a school's key in
 * {@code key_deletions}.
 */
package nl.instroom.stayinterviews.keys.persistence;
