package nl.instroom.careeradvice.cases.application;

import java.time.Clock;
import nl.instroom.careeradvice.agenda.domain.Slots;
import nl.instroom.careeradvice.cases.domain.Cases;
import nl.instroom.chassis.privacy.PersonalDataEraser;
import nl.instroom.events.privacy.SubjectKind;
import org.springframework.stereotype.Component;

/**
 * Erases a person on an erasure request that names their case ({@code EXTERNAL}, the case's id — an admin finds it
 * by e-mail address): the case goes whole with its key, and their slots no longer name it (future ones are free
 * again). The chassis removes the id from the audit trail and notes it, as a keyed digest, in the erasure ledger.
 */
@Component
class CaseEraser implements PersonalDataEraser {

    private final Cases cases;
    private final Slots slots;
    private final Clock clock;

    CaseEraser(Cases cases, Slots slots, Clock clock) {
        this.cases = cases;
        this.slots = slots;
        this.clock = clock;
    }

    @Override
    public int erase(SubjectKind kind, String subjectRef) {
        if (kind != SubjectKind.EXTERNAL) {
            return 0;
        }
        return (cases.erase(subjectRef) ? 1 : 0) + slots.forgetCase(subjectRef, clock.instant());
    }
}
