/**
 * The regional coordinator's pages: the region map, the need ranking with the why of each score, a school's need
 * history, tutors, matching runs (run, review, pin, exclude, accept) and placements.
 */
package nl.instroom.portal.coordinator;
