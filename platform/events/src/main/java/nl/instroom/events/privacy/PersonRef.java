package nl.instroom.events.privacy;

import java.util.Objects;

/**
 * A person an event names, by the kind and pseudonymous reference an erasure request would use for them. A consumer
 * checks these against its erasure ledger before applying the event, so a replayed or redelivered event cannot bring
 * an erased person back (docs/security.md, "Personal references on Kafka and replay").
 */
public record PersonRef(SubjectKind kind, String ref) {

    public PersonRef {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(ref);
    }
}
