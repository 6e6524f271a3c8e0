/**
 * Signals stay-interviews publishes. Retention signals, never interview content: no person, no answers, no
 * notes. Only an employee's explicit agreement lets a pseudonymous reference leave, with a growth ambition.
 */
package nl.instroom.events.stay;
