package nl.instroom.scouting.talent.application;

import nl.instroom.chassis.privacy.PersonalDataEraser;
import nl.instroom.events.privacy.SubjectKind;
import nl.instroom.events.scouting.PersonKind;
import nl.instroom.scouting.talent.domain.Talents;
import org.springframework.stereotype.Component;

/**
 * Forgets a person on an erasure request: their talents keep their stages and dates (the funnel's counts stay
 * true) but lose the person's reference and the scout's rationale.
 */
@Component
class TalentEraser implements PersonalDataEraser {

    private final Talents talents;

    TalentEraser(Talents talents) {
        this.talents = talents;
    }

    @Override
    public int erase(SubjectKind kind, String subjectRef) {
        return talents.anonymise(PersonKind.valueOf(kind.name()), subjectRef);
    }
}
