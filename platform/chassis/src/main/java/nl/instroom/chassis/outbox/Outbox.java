package nl.instroom.chassis.outbox;

/**
 * What a persistence adapter tells the relay about the outbox documents it writes. {@link AggregateDocuments} does
 * this itself; an adapter that writes its own outbox documents declares its collection when it is made (so that
 * after a restart the relay looks there for what was left) and reports each write that added events (so that the
 * relay publishes them at once instead of on its next sweep).
 */
public interface Outbox {

    /** A collection whose documents carry an {@code outbox} array. */
    void declare(String collection);

    /** A write added {@code events} pending events to the document {@code id}; call it after the write succeeded. */
    void written(String collection, Object id, int events);
}
