/**
 * The placement aggregate: a tutor helping a school with a subject, from proposal to completion. Plain Java.
 */
package nl.instroom.tutoring.placement.domain;
