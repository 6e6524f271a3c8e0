/**
 * The transactional outbox without multi-document transactions. An aggregate's document carries the events its
 * last change caused ({@link nl.instroom.chassis.outbox.PendingEvents}), written in the same single-document
 * write as the change. The {@link nl.instroom.chassis.outbox.OutboxRelay} publishes them, waits for the broker's
 * acknowledgement, and only then removes them: a crash in between gives a duplicate, never a loss.
 */
package nl.instroom.chassis.outbox;
