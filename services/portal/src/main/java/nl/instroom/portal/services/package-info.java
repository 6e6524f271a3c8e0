/**
 * Calls to the services' APIs with the person's access token, and what a refusal means for a page: a service's
 * problem details (RFC 9457) become a {@link nl.instroom.portal.services.ServiceProblem} the page can show.
 */
package nl.instroom.portal.services;
