/** The {@code referrals} collection: one document per case and region under a keyed digest, no case reference. */
package nl.instroom.scouting.referral.persistence;
