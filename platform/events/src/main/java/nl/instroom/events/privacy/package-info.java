/**
 * Privacy events: the erasure protocol (an admin's request to forget a person, and each service's answer), and the
 * notices of the retention jobs (what each service removed because its retention period had ended).
 */
package nl.instroom.events.privacy;
