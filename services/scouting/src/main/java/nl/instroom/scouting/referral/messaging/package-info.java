/** Binding {@code adviceReferrals-in-0}: career-advice's {@code advice.referrals.v1}. */
package nl.instroom.scouting.referral.messaging;
