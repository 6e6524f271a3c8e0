/**
 * The desk's figures: people advised per month, the phase funnel, referrals per region and subject and the route
 * finder's use, as anonymous monthly counters that outlive the cases they count (which are purged after their
 * retention period), and the yearly report over a school year (September to August).
 */
package nl.instroom.careeradvice.figures;
