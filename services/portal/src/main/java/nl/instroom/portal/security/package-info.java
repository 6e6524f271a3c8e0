/**
 * Signing in through the identity server (authorization code + PKCE, public client {@code instroom-portal}) and
 * which role may open which pages. The roles come from the ID token's {@code roles} claim; the services check the
 * access token again, so a page rule here is for clear navigation, not the only line of defence.
 */
package nl.instroom.portal.security;
