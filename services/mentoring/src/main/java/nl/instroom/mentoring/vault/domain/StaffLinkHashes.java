package nl.instroom.mentoring.vault.domain;

/**
 * A keyed hash (HMAC-SHA-256 under the service's pepper, apart from the e-mail fingerprints by a prefix of its own)
 * of a school leader's staff reference {@code <schoolCode>:<staffRef>}, as stay-interviews and scouting publish it.
 * The only form in which mentoring keeps that reference: a copy of its database cannot tie a name to a reference
 * in the other services, while the same reference arriving on a topic hashes to the same value. Case counts, as
 * schools' own references may differ by case.
 */
@FunctionalInterface
public interface StaffLinkHashes {

    String hashOf(String staffLink);
}
