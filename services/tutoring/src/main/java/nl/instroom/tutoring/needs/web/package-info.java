/** The HTTP API over tutoring's view of school needs. */
package nl.instroom.tutoring.needs.web;
