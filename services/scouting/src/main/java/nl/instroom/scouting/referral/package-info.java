/**
 * Career switchers career-advice referred to a region ({@code advice.referrals.v1}): the incoming stage of the
 * region's funnel, counted without keeping who (docs/scouting.md, "Funnel").
 */
package nl.instroom.scouting.referral;
