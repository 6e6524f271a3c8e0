/** The {@code referrals} collection: one document per case and region, applied once per event. */
package nl.instroom.needmapping.referral.persistence;
