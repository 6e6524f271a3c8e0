/** Applying career-advice's referrals to the counts. */
package nl.instroom.scouting.referral.application;
