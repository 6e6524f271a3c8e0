package nl.instroom.needmapping.need.application;

import nl.instroom.chassis.consumer.IdempotentWrites;
import nl.instroom.chassis.events.ReceivedEvent;
import nl.instroom.events.InstroomEvent;
import nl.instroom.events.stay.RetentionRiskAssessed;
import nl.instroom.events.tutoring.PlacementCancelled;
import nl.instroom.events.tutoring.PlacementCompleted;
import nl.instroom.events.tutoring.PlacementStarted;
import org.bson.types.Decimal128;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * What other services tell need-mapping about schools: expected departures (school aggregates from
 * stay-interviews) and active tutor placements (from tutoring). Each is applied once, never from an older
 * revision, and marks the school's region for recalculation.
 */
@Service
public class NeedSignals {

    static final String EXPECTED_DEPARTURES = "expected_departures";
    static final String TUTOR_PLACEMENTS = "tutor_placements";

    private final IdempotentWrites writes;
    private final NeedRecalculation recalculation;

    NeedSignals(IdempotentWrites writes, NeedRecalculation recalculation) {
        this.writes = writes;
        this.recalculation = recalculation;
    }

    public boolean staySignal(ReceivedEvent<InstroomEvent> received) {
        if (received.data() instanceof RetentionRiskAssessed assessed) {
            boolean applied = writes.applyOnce(EXPECTED_DEPARTURES, assessed.schoolCode(), received.id(),
                    assessed.revision(), new Update().set("fte", new Decimal128(assessed.expectedDeparturesFte()))
                            .set("interviewsCovered", assessed.interviewsCovered()));
            if (applied) {
                recalculation.schoolChanged(assessed.schoolCode());
            }
            return applied;
        }
        return false;
    }

    public boolean placementSignal(ReceivedEvent<InstroomEvent> received) {
        InstroomEvent event = received.data();
        if (event instanceof PlacementStarted started) {
            return placement(received.id(), started.placementId(), started.schoolCode(), started.revision(), true);
        }
        if (event instanceof PlacementCompleted completed) {
            return placement(received.id(), completed.placementId(), completed.schoolCode(), completed.revision(),
                    false);
        }
        if (event instanceof PlacementCancelled cancelled) {
            return placement(received.id(), cancelled.placementId(), cancelled.schoolCode(), cancelled.revision(),
                    false);
        }
        return false;
    }

    private boolean placement(String eventId, String placementId, String schoolCode, long revision, boolean active) {
        boolean applied = writes.applyOnce(TUTOR_PLACEMENTS, placementId, eventId, revision,
                new Update().set("schoolCode", schoolCode).set("active", active));
        if (applied) {
            recalculation.schoolChanged(schoolCode);
        }
        return applied;
    }
}
