package nl.instroom.stayinterviews.keys.application;

import java.util.List;
import java.util.Optional;
import nl.instroom.chassis.approval.FourEyes;

/** Where key-deletion requests are kept. */
public interface KeyDeletionRequests {

    void add(KeyDeletion request);

    Optional<KeyDeletion> find(String requestId);

    /** Newest first. */
    List<KeyDeletion> recent(int limit);

    /** Stores a decision only if the request is still pending; false when someone decided it meanwhile. */
    boolean decide(String requestId, FourEyes decided);

    void recordKeysDeleted(String requestId, int keysDeleted);
}
