/**
 * The service's side of erasure across services: on {@code SubjectErasureRequested} every {@link
 * nl.instroom.chassis.privacy.PersonalDataEraser} of the service erases or anonymises what it holds about the
 * person, and the service answers {@code SubjectErased} once, through the outbox.
 */
package nl.instroom.chassis.privacy;
