package nl.instroom.events;

import java.util.List;
import nl.instroom.events.privacy.PersonRef;

/**
 * An event Instroom publishes. Its aggregate id (the id of what the event is about) becomes the CloudEvents
 * {@code ce_subject} and the Kafka record key, so all events about one aggregate stay in order on one partition.
 * Not named {@code subject()}: several events carry a school subject in a component of that name.
 */
public interface InstroomEvent {

    String aggregateId();

    /**
     * The people this event names, as an erasure request would name them. Every event that carries a person's
     * reference lists it here, so that consumers drop the event once that person is erased (docs/security.md,
     * "Personal references on Kafka and replay").
     */
    default List<PersonRef> personRefs() {
        return List.of();
    }
}
