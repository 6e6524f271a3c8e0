/**
 * Erasure across services. An admin asks to erase a person; identity publishes {@code SubjectErasureRequested},
 * every service erases what it holds and answers {@code SubjectErased}, and the request is complete when all have
 * answered. The person's reference is stored nowhere here: it travels only in the event, and leaves the outbox
 * once published.
 */
package nl.instroom.identity.erasure;
