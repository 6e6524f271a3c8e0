package nl.instroom.events.privacy;

import nl.instroom.events.InstroomEvent;

/** An admin asked, through identity, that every service erase or anonymise what it holds about one person. */
public record SubjectErasureRequested(String requestId, SubjectKind subjectKind, String subjectRef)
        implements InstroomEvent {

    @Override
    public String aggregateId() {
        return requestId;
    }
}
