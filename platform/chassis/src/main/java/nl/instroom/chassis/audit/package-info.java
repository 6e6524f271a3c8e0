/**
 * The audit trail of a service: who read or changed whose personal data, when. Append-only: the service never
 * deletes an entry, and changes one only to replace an erased person's reference by {@code erased} (erasure must
 * leave no trace of the person; who did what and when stays). Queryable by admins.
 */
package nl.instroom.chassis.audit;
