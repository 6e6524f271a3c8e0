package nl.instroom.events.privacy;

import nl.instroom.events.InstroomEvent;

/** One service's answer to an erasure request: it erased or anonymised what it held (possibly nothing). */
public record SubjectErased(String requestId, String service, SubjectKind subjectKind, String subjectRef,
        int recordsErased) implements InstroomEvent {

    @Override
    public String aggregateId() {
        return requestId;
    }
}
