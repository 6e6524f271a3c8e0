/** Applying referrals from career-advice's events, the coordinator's view of them, and their erasure. */
package nl.instroom.needmapping.referral.application;
