package nl.instroom.events.privacy;

import nl.instroom.events.InstroomEvent;

/**
 * One service's answer to an erasure request: it erased or anonymised what it held (possibly nothing). It names the
 * request, never the person: the answers topic must not carry again the reference that was just erased.
 */
public record SubjectErased(String requestId, String service, SubjectKind subjectKind, int recordsErased) implements InstroomEvent {

    @Override
    public String aggregateId() {
        return requestId;
    }
}
