/**
 * Career switchers career-advice referred to a region ({@code advice.referrals.v1}): the region's coordinator sees
 * them, by pseudonymous case reference only, next to the region's need per subject (docs/need-mapping.md,
 * "Referred career switchers").
 */
package nl.instroom.needmapping.referral;
