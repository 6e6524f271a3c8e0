/**
 * The audit trail of a service: who read or changed whose personal data, when. Append-only: the service has no
 * way to change or delete an entry (in production, give the service's MongoDB user insert and find on this
 * collection only). Queryable by admins.
 */
package nl.instroom.chassis.audit;
