package nl.instroom.scouting.talent.application;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.instroom.chassis.audit.AuditTrail;
import nl.instroom.chassis.refusal.InvalidRequest;
import nl.instroom.chassis.refusal.NotPossibleNow;
import nl.instroom.chassis.security.CurrentUser;
import nl.instroom.chassis.web.NotFoundException;
import nl.instroom.events.scouting.PersonKind;
import nl.instroom.events.scouting.TalentKind;
import nl.instroom.events.scouting.TalentStage;
import nl.instroom.scouting.schools.domain.SchoolView;
import nl.instroom.scouting.schools.domain.SchoolViews;
import nl.instroom.scouting.talent.domain.ActivityType;
import nl.instroom.scouting.talent.domain.Talent;
import nl.instroom.scouting.talent.domain.Talents;
import org.springframework.stereotype.Service;

/**
 * The scout's pipeline: flag a person, move them through the stages, plan the next step, make them an ambassador
 * and record what they do. A scout works in their region; another region's talents do not exist for them (404).
 * Every read and change of a talent is in the audit trail.
 */
@Service
public class TalentService {

    /** What a scout says when flagging someone. */
    public record FlagTalent(PersonKind personKind, String personRef, TalentKind kind, String schoolCode,
            String rationale, LocalDate flaggedOn, LocalDate nextStepOn) {
    }

    private final Talents talents;
    private final SchoolViews schools;
    private final AuditTrail audit;
    private final Clock clock;

    TalentService(Talents talents, SchoolViews schools, AuditTrail audit, Clock clock) {
        this.talents = talents;
        this.schools = schools;
        this.audit = audit;
        this.clock = clock;
    }

    public Talent flag(FlagTalent command, CurrentUser user) {
        String region = user.regionAsked(null);
        user.requireChangeInRegion(region);
        return flagNew(UUID.randomUUID().toString(), command, region, null);
    }

    /**
     * Flags the person a suggestion was about. The talent's id is derived from the suggestion, so accepting again
     * after a failure half-way finds the talent made the first time instead of making a second one.
     */
    public Talent flagFromSuggestion(String suggestionId, FlagTalent command, String region) {
        String id = UUID.nameUUIDFromBytes(("suggestion:" + suggestionId).getBytes(StandardCharsets.UTF_8))
                .toString();
        return talents.find(id).orElseGet(() -> flagNew(id, command, region, suggestionId));
    }

    private Talent flagNew(String id, FlagTalent command, String region, String suggestionId) {
        if (command.personKind() != null && command.personRef() != null
                && talents.openFor(command.personKind(), command.personRef())) {
            throw new NotPossibleNow("This person is already being followed up; change that talent instead");
        }
        Talent talent = Talent.flag(id, command.personKind(), command.personRef(), command.kind(), region,
                command.schoolCode(), command.rationale(), command.flaggedOn(), command.nextStepOn(), suggestionId,
                today());
        talents.save(talent);
        audit.record("FLAGGED_TALENT", talent.id());
        return talent;
    }

    public Talent get(String id, CurrentUser user) {
        Talent talent = visible(id, user);
        audit.record("READ_TALENT", id);
        return talent;
    }

    public List<Talent> list(String region, TalentStage stage, PersonKind personKind, LocalDate nextStepDueBy,
            CurrentUser user) {
        String scope = user.regionAskedOrAll(region).orElse(null);
        List<Talent> found = talents.list(scope, stage, personKind, nextStepDueBy);
        audit.record("LISTED_TALENTS", scope == null ? "all-regions" : scope);
        return found;
    }

    public Talent moveTo(String id, TalentStage to, LocalDate on, LocalDate nextStepOn, CurrentUser user) {
        Talent talent = changeable(id, user);
        talent.moveTo(to, on == null ? today() : on, nextStepOn, today());
        return saved(talent, "CHANGED_TALENT_STAGE");
    }

    public Talent planNextStep(String id, LocalDate on, CurrentUser user) {
        Talent talent = changeable(id, user);
        talent.planNextStep(on);
        return saved(talent, "PLANNED_TALENT_NEXT_STEP");
    }

    /** The school must be known to scouting and lie in the talent's region: coverage is counted per school. */
    public Talent nominateAmbassador(String id, String schoolCode, LocalDate since, CurrentUser user) {
        Talent talent = changeable(id, user);
        SchoolView school = schools.find(schoolCode).filter(s -> s.region().equals(talent.region()))
                .orElseThrow(() -> new InvalidRequest("School " + schoolCode
                        + " is not a known school in region " + talent.region()));
        talent.nominateAmbassador(school.schoolCode(), since == null ? today() : since, today());
        return saved(talent, "NOMINATED_AMBASSADOR");
    }

    public Talent endAmbassadorship(String id, LocalDate on, CurrentUser user) {
        Talent talent = changeable(id, user);
        talent.endAmbassadorship(on == null ? today() : on, today());
        return saved(talent, "ENDED_AMBASSADORSHIP");
    }

    public Talent recordActivity(String id, ActivityType type, LocalDate on, String schoolCode, CurrentUser user) {
        Talent talent = changeable(id, user);
        talent.recordActivity(type, on, schoolCode);
        return saved(talent, "RECORDED_AMBASSADOR_ACTIVITY");
    }

    private Talent saved(Talent talent, String action) {
        talents.save(talent);
        audit.record(action, talent.id());
        return talent;
    }

    private Talent visible(String id, CurrentUser user) {
        return talents.find(id).filter(talent -> user.coversRegion(talent.region()))
                .orElseThrow(() -> new NotFoundException("Talent", id));
    }

    private Talent changeable(String id, CurrentUser user) {
        return talents.find(id).filter(talent -> user.mayChangeRegion(talent.region()))
                .orElseThrow(() -> new NotFoundException("Talent", id));
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
