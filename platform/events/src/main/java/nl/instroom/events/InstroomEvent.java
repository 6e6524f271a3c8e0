package nl.instroom.events;

/**
 * An event Instroom publishes. The subject is the id of the aggregate it is about: it becomes the CloudEvents
 * {@code ce_subject} and the Kafka record key, so all events about one aggregate stay in order on one partition.
 */
public interface InstroomEvent {

    String subject();
}
