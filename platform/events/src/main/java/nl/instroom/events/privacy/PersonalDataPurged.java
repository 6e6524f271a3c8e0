package nl.instroom.events.privacy;

import java.time.Instant;
import java.util.List;
import nl.instroom.events.InstroomEvent;

/**
 * A service's retention job removed (or anonymised) personal data of one kind because its retention period had
 * ended: how many records, under which period, older than what. {@code references} are pseudonymous ids only, and
 * only ids that had already left the service on other topics (a tutor's, a placement's, a talent's id), so that
 * whoever learnt them may forget them too; the notice never makes an id known that was not known before.
 */
public record PersonalDataPurged(String purgeId, String service, String dataKind, String retention,
        Instant purgedBefore, int recordsPurged, List<String> references) implements InstroomEvent {

    public PersonalDataPurged {
        references = references == null ? List.of() : List.copyOf(references);
    }

    @Override
    public String aggregateId() {
        return purgeId;
    }
}
