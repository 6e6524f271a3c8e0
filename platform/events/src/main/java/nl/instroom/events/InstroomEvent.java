package nl.instroom.events;

/**
 * An event Instroom publishes. Its aggregate id (the id of what the event is about) becomes the CloudEvents
 * {@code ce_subject} and the Kafka record key, so all events about one aggregate stay in order on one partition.
 * Not named {@code subject()}: several events carry a school subject in a component of that name.
 */
public interface InstroomEvent {

    String aggregateId();
}
