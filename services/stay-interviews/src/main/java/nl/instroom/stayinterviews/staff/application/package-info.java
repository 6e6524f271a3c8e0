/**
 * Use cases of school HR on its own staff: register an employee under a pseudonymous reference, record stay
 * interviews and the leaving date, complete actions, read interviews (audited), remove an employee; and forgetting
 * people: erasure requests, the retention purge after leaving, and telling other services to forget a reference
 * that left with a shared growth ambition.
 */
package nl.instroom.stayinterviews.staff.application;
