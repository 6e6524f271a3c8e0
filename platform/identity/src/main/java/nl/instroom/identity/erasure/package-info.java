/**
 * Erasure across services. An admin asks to erase a person and a second admin approves (four eyes: the request
 * waits, unpublished, until then); identity publishes {@code SubjectErasureRequested} on
 * privacy.erasure-requests.v1 (its Kafka user is the only one allowed to write there), every service erases what it
 * holds and answers {@code SubjectErased} on privacy.erasure-answers.v1, and the request is complete when all have
 * answered. The person's reference is kept here only while the request waits for approval: then it travels only in
 * the event, and leaves the outbox once published.
 */
package nl.instroom.identity.erasure;
