/** {@code GET /api/referrals}: the region's referred career switchers next to its need. */
package nl.instroom.needmapping.referral.web;
