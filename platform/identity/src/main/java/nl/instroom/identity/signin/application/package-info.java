/**
 * The password step of signing in, throttled per account and per address, and the sign-in events of the audit.
 */
package nl.instroom.identity.signin.application;
