/**
 * Signals stay-interviews publishes. Retention signals, never interview content: no person, no answers, no
 * notes. Only an employee's explicit agreement lets a pseudonymous reference leave, with a growth ambition; when
 * that employee is removed, {@code StaffMemberRemoved} tells the readers of this topic to forget the reference.
 */
package nl.instroom.events.stay;
