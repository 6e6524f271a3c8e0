/**
 * Matching use cases: gather a region's tutors, schools and open placements into a problem, solve it, keep the
 * run, and turn an accepted run into proposed placements.
 */
package nl.instroom.tutoring.matching.application;
