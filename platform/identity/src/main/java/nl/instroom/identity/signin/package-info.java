/**
 * Sign-in protection: throttling with growing waits and a temporary lock per account and per address, one answer for
 * every refusal, and sign-in events in the audit trail.
 */
package nl.instroom.identity.signin;
