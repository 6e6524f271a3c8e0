/** Signing people up (duplicates refused), withdrawing them, erasing them and forgetting them after retention. */
package nl.instroom.mentoring.signup.application;
