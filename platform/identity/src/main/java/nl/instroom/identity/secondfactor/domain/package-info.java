/**
 * The second factor as plain Java: who needs one, TOTP codes (through the otp-java library) with the rule that a
 * code is good once, and recovery codes.
 */
package nl.instroom.identity.secondfactor.domain;
