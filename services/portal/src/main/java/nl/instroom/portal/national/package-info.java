/**
 * The national picture: every labour-market region side by side — a table and a map — for the national read-only
 * role, admins and every coordinator (their own region marked), from need-mapping's aggregated figures.
 */
package nl.instroom.portal.national;
