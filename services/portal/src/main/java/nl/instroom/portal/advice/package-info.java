/**
 * The Onderwijsloket's pages: the public route finder and the request for a conversation (no sign-in; they call
 * career-advice's public API without a token), and the adviser's cases and agenda.
 */
package nl.instroom.portal.advice;
