/**
 * tutoring owns tutors, placements and matching. It knows schools and their needs only from need-mapping's
 * events, kept in its own read models, and never calls need-mapping at request time.
 */
package nl.instroom.tutoring;
