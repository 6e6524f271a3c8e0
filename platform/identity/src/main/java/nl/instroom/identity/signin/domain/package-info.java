/**
 * Sign-in throttling as plain Java: per account and per address, failures beyond a free few make the next attempt
 * wait, the wait doubles, and at a threshold the key is locked for a while. Time comes from a {@link
 * java.time.Clock}, so tests move it instead of waiting.
 */
package nl.instroom.identity.signin.domain;
