/**
 * Matching: proposes an optimal assignment of available tutors to the school-subject needs of a region, explains
 * each proposal's score, and keeps every run with the versions of its inputs.
 */
package nl.instroom.tutoring.matching;
