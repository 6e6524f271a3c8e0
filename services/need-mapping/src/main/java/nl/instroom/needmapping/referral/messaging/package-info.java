/**
 * Bindings {@code adviceReferrals-in-0} (career-advice's {@code advice.referrals.v1}) and {@code retentionNotices-in-0}
 * ({@code privacy.retention.v1}, for the cases career-advice purged).
 */
package nl.instroom.needmapping.referral.messaging;
