/**
 * Enrolling and checking second factors (TOTP with recovery codes), and the port to the store that keeps them.
 */
package nl.instroom.identity.secondfactor.application;
