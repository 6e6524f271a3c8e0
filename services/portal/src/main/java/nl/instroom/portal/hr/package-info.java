/**
 * School HR's pages: staff with who is due a stay interview, the stay-interview form (with the health-data
 * warning), overdue follow-up actions and the school's retention trend. Always the person's own school.
 */
package nl.instroom.portal.hr;
