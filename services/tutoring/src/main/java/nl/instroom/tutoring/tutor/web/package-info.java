/** The HTTP API for tutors and their parent's consent. */
package nl.instroom.tutoring.tutor.web;
