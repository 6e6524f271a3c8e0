/**
 * The second factor (TOTP with recovery codes) that every role seeing personal data signs in with, enrolled on the
 * first sign-in. Spring Security's multi-factor support asks for it at the authorization endpoint.
 */
package nl.instroom.identity.secondfactor;
