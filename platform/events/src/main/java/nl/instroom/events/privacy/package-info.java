/**
 * Privacy events: the erasure protocol — an admin's request to forget a person (on
 * {@code privacy.erasure-requests.v1}, which only identity may write), and each service's answer (on
 * {@code privacy.erasure-answers.v1}, which only identity reads) — and the notices of the retention jobs (what each
 * service removed because its retention period had ended).
 */
package nl.instroom.events.privacy;
