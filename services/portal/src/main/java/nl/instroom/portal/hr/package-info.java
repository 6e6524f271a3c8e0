/**
 * School HR's pages: staff with who is due a stay interview, registering staff and their leaving dates, the
 * stay-interview form (with the health-data warning), overdue follow-up actions (marked done from the list), the
 * school's retention trend, and the tutor placements at the school (start, complete with the school's evaluation).
 * Always the person's own school, from the token.
 */
package nl.instroom.portal.hr;
