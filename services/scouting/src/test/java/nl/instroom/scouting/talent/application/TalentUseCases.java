package nl.instroom.scouting.talent.application;

import java.time.Clock;
import nl.instroom.chassis.audit.AuditTrail;
import nl.instroom.scouting.schools.domain.SchoolViews;

/**
 * The talent use cases wired by hand on in-memory ports, for the use-case tests of talent and of the suggestion inbox
 * (the constructor is package-private, as Spring alone calls it in the service).
 */
public final class TalentUseCases {

    private TalentUseCases() {
    }

    public static TalentService talentService(InMemoryTalents talents, SchoolViews schools, AuditTrail audit,
            Clock clock) {
        return new TalentService(talents, schools, audit, clock);
    }
}
