/** The HTTP API for placements. */
package nl.instroom.tutoring.placement.web;
