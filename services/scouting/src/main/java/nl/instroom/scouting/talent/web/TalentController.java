package nl.instroom.scouting.talent.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import nl.instroom.chassis.security.CurrentUser;
import nl.instroom.events.scouting.PersonKind;
import nl.instroom.events.scouting.TalentKind;
import nl.instroom.events.scouting.TalentStage;
import nl.instroom.scouting.talent.application.TalentService;
import nl.instroom.scouting.talent.domain.ActivityType;
import nl.instroom.scouting.talent.domain.Talent;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/talents")
class TalentController {

    static final String REFERENCE = "[A-Za-z0-9._:-]{1,80}";
    static final String SCHOOL_CODE = "[0-9]{2}[A-Z]{2}[0-9]{2}";

    record FlagRequest(@NotNull PersonKind personKind,
            @NotNull @Pattern(regexp = REFERENCE, message = "must be a pseudonymous reference, never a name")
            String personRef,
            @NotNull TalentKind kind,
            @Pattern(regexp = SCHOOL_CODE, message = "must be a vestigingscode such as 21CM00") String schoolCode,
            @NotNull @Size(min = 1, max = Talent.MAX_RATIONALE) String rationale,
            LocalDate flaggedOn, LocalDate nextStepOn) {
    }

    record StageRequest(@NotNull TalentStage stage, LocalDate on, LocalDate nextStepOn) {
    }

    record NextStepRequest(LocalDate on) {
    }

    record AmbassadorshipRequest(
            @NotNull @Pattern(regexp = SCHOOL_CODE, message = "must be a vestigingscode such as 21CM00")
            String schoolCode, LocalDate since) {
    }

    record EndAmbassadorshipRequest(LocalDate on) {
    }

    record ActivityRequest(@NotNull ActivityType type, @NotNull LocalDate on,
            @Pattern(regexp = SCHOOL_CODE, message = "must be a vestigingscode such as 21CM00") String schoolCode) {
    }

    /** The whole talent, rationale included: only the scouts of its region (and admins) see this. */
    record TalentView(String id, PersonKind personKind, String personRef, TalentKind kind, String region,
            String schoolCode, String rationale, String suggestionId, TalentStage stage, LocalDate flaggedOn,
            List<Talent.Step> history, LocalDate nextStepOn, Talent.Ambassadorship ambassadorship,
            List<Talent.Activity> activities, long revision) {

        static TalentView of(Talent t) {
            return new TalentView(t.id(), t.personKind(), t.personRef(), t.kind(), t.region(), t.schoolCode(),
                    t.rationale(), t.suggestionId(), t.stage(), t.flaggedOn(), t.history(), t.nextStepOn(),
                    t.ambassadorship(), t.activities(), t.revision());
        }
    }

    /** A line of the pipeline list: no rationale, which is read one talent at a time. */
    record TalentSummary(String id, PersonKind personKind, String personRef, TalentKind kind, String region,
            TalentStage stage, LocalDate flaggedOn, LocalDate nextStepOn, boolean activeAmbassador) {
    }

    private final TalentService talents;

    TalentController(TalentService talents) {
        this.talents = talents;
    }

    @PostMapping
    ResponseEntity<TalentView> flag(@Valid @RequestBody FlagRequest request) {
        Talent talent = talents.flag(new TalentService.FlagTalent(request.personKind(), request.personRef(),
                request.kind(), request.schoolCode(), request.rationale(), request.flaggedOn(),
                request.nextStepOn()), CurrentUser.get());
        return ResponseEntity.created(URI.create("/api/talents/" + talent.id())).body(TalentView.of(talent));
    }

    /** The pipeline, e.g. {@code ?nextStepDueBy=2026-12-01} for the follow-ups due. */
    @GetMapping
    List<TalentSummary> list(@RequestParam(required = false) String region,
            @RequestParam(required = false) TalentStage stage, @RequestParam(required = false) PersonKind personKind,
            @RequestParam(required = false) LocalDate nextStepDueBy) {
        return talents.list(region, stage, personKind, nextStepDueBy, CurrentUser.get()).stream()
                .map(t -> new TalentSummary(t.id(), t.personKind(), t.personRef(), t.kind(), t.region(), t.stage(),
                        t.flaggedOn(), t.nextStepOn(), t.activeAmbassador()))
                .toList();
    }

    @GetMapping("/{id}")
    TalentView get(@PathVariable String id) {
        return TalentView.of(talents.get(id, CurrentUser.get()));
    }

    @PostMapping("/{id}/stage")
    TalentView moveTo(@PathVariable String id, @Valid @RequestBody StageRequest request) {
        return TalentView.of(talents.moveTo(id, request.stage(), request.on(), request.nextStepOn(),
                CurrentUser.get()));
    }

    @PutMapping("/{id}/next-step")
    TalentView planNextStep(@PathVariable String id, @Valid @RequestBody NextStepRequest request) {
        return TalentView.of(talents.planNextStep(id, request.on(), CurrentUser.get()));
    }

    @PostMapping("/{id}/ambassadorship")
    TalentView nominate(@PathVariable String id, @Valid @RequestBody AmbassadorshipRequest request) {
        return TalentView.of(talents.nominateAmbassador(id, request.schoolCode(), request.since(),
                CurrentUser.get()));
    }

    @PostMapping("/{id}/ambassadorship/end")
    TalentView endAmbassadorship(@PathVariable String id, @Valid @RequestBody EndAmbassadorshipRequest request) {
        return TalentView.of(talents.endAmbassadorship(id, request.on(), CurrentUser.get()));
    }

    @PostMapping("/{id}/activities")
    TalentView recordActivity(@PathVariable String id, @Valid @RequestBody ActivityRequest request) {
        return TalentView.of(talents.recordActivity(id, request.type(), request.on(), request.schoolCode(),
                CurrentUser.get()));
    }
}
