/**
 * RFC 9457 problem details for every error a service returns: field-by-field validation errors, malformed
 * bodies, unknown ids and conflicts, never a stack trace and never a 500 for bad input.
 */
package nl.instroom.chassis.web;
