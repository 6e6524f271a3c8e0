package nl.instroom.mentoring.outcome.application;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import nl.instroom.chassis.events.ReceivedEvent;
import nl.instroom.events.InstroomEvent;
import nl.instroom.events.scouting.AmbassadorNominated;
import nl.instroom.events.scouting.PersonKind;
import nl.instroom.events.scouting.TalentFlagged;
import nl.instroom.events.stay.GrowthAmbitionShared;
import nl.instroom.events.stay.RetentionRiskAssessed;
import nl.instroom.events.stay.StaffMemberLeft;
import nl.instroom.events.stay.StaffMemberRemoved;
import nl.instroom.events.stay.StayInterviewHeld;
import nl.instroom.mentoring.outcome.domain.TakingPartSchools;
import nl.instroom.mentoring.signup.domain.SignUps;
import nl.instroom.mentoring.vault.domain.StaffLinkHashes;
import org.springframework.stereotype.Service;

/**
 * Keeps, of what stay-interviews and scouting publish, only what concerns a school leader who linked their staff
 * reference with consent. Every reference that arrives is hashed under the service's pepper and compared with the
 * sign-ups' links; a fact about anyone else matches no sign-up and is kept nowhere — not even its hash. Every
 * effect is safe to repeat (a redelivered event sets what it set), so the consumers need no further bookkeeping.
 */
@Service
public class LinkedLeaderFacts {

    private final SignUps signUps;
    private final TakingPartSchools schools;
    private final StaffLinkHashes hashes;
    private final Clock clock;

    LinkedLeaderFacts(SignUps signUps, TakingPartSchools schools, StaffLinkHashes hashes, Clock clock) {
        this.signUps = signUps;
        this.schools = schools;
        this.hashes = hashes;
        this.clock = clock;
    }

    /**
     * stay.signals.v1: every event names a school that uses stay interviews; its school code is all that is kept
     * (a growth ambition's or a removal's staff reference is not looked at).
     */
    public List<Boolean> staySignals(List<ReceivedEvent<InstroomEvent>> events) {
        Set<String> named = new LinkedHashSet<>();
        List<Boolean> applied = new ArrayList<>(Collections.nCopies(events.size(), Boolean.FALSE));
        for (int i = 0; i < events.size(); i++) {
            String school = schoolOf(events.get(i).data());
            if (school != null) {
                named.add(school);
                applied.set(i, Boolean.TRUE);
            }
        }
        if (!named.isEmpty()) {
            schools.note(named);
        }
        return applied;
    }

    private static String schoolOf(InstroomEvent signal) {
        if (signal instanceof StayInterviewHeld held) {
            return held.schoolCode();
        }
        if (signal instanceof RetentionRiskAssessed assessed) {
            return assessed.schoolCode();
        }
        if (signal instanceof GrowthAmbitionShared shared) {
            return shared.schoolCode();
        }
        if (signal instanceof StaffMemberRemoved removed) {
            return removed.schoolCode();
        }
        return null;
    }

    /** stay.departures.v1: the month is kept on the sign-ups linked to the reference; anyone else's is dropped. */
    public boolean departure(ReceivedEvent<InstroomEvent> event) {
        if (event.data() instanceof StaffMemberLeft left && left.staffRef() != null && left.leftInMonth() != null) {
            return signUps.recordDeparture(hashes.hashOf(left.staffRef()), left.leftInMonth()) > 0;
        }
        return false;
    }

    /**
     * scouting.talent.v1: a talent of kind STAFF whose reference is a linked leader's is noted on their sign-ups; a
     * nomination of such a talent records its day (the event's time: the nomination carries no date). Talents of
     * other kinds, and of anyone unlinked, are dropped.
     */
    public boolean talent(ReceivedEvent<InstroomEvent> event) {
        if (event.data() instanceof TalentFlagged flagged && flagged.personKind() == PersonKind.STAFF
                && flagged.personRef() != null) {
            return signUps.recordStaffTalent(hashes.hashOf(flagged.personRef()), flagged.talentId()) > 0;
        }
        if (event.data() instanceof AmbassadorNominated nominated) {
            LocalDate on = event.time() == null ? LocalDate.now(clock)
                    : LocalDate.ofInstant(event.time(), ZoneOffset.UTC);
            return signUps.recordNomination(nominated.talentId(), on) > 0;
        }
        return false;
    }
}
