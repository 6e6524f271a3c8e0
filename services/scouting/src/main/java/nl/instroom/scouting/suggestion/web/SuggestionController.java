package nl.instroom.scouting.suggestion.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import nl.instroom.chassis.security.CurrentUser;
import nl.instroom.events.scouting.PersonKind;
import nl.instroom.events.scouting.TalentKind;
import nl.instroom.events.scouting.TalentStage;
import nl.instroom.scouting.suggestion.application.SuggestionInbox;
import nl.instroom.scouting.suggestion.domain.Suggestion;
import nl.instroom.scouting.suggestion.domain.SuggestionStatus;
import nl.instroom.scouting.talent.domain.Talent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/suggestions")
class SuggestionController {

    /** Everything optional: the suggested kind and the facts as rationale are taken when left out. */
    record AcceptRequest(TalentKind kind, @Size(max = Talent.MAX_RATIONALE) String rationale,
            LocalDate nextStepOn) {
    }

    record SuggestionView(String id, Suggestion.Source source, PersonKind personKind, String personRef,
            String schoolCode, String schoolName, String region, TalentKind suggestedKind, String subject,
            Integer talentForTeaching, Integer reliability, String ambition, LocalDate occurredOn,
            Instant receivedAt, SuggestionStatus status, String talentId, LocalDate decidedOn) {

        static SuggestionView of(Suggestion s, String schoolName, String region) {
            return new SuggestionView(s.id(), s.source(), s.personKind(), s.personRef(), s.schoolCode(), schoolName,
                    region, s.suggestedKind(), s.subject(), s.talentForTeaching(), s.reliability(), s.ambition(),
                    s.occurredOn(), s.receivedAt(), s.status(), s.talentId(), s.decidedOn());
        }
    }

    record AcceptedView(SuggestionView suggestion, String talentId, TalentStage stage) {
    }

    private final SuggestionInbox inbox;

    SuggestionController(SuggestionInbox inbox) {
        this.inbox = inbox;
    }

    /** The open suggestions of the caller's region (an admin: of a named region, or all). */
    @GetMapping
    List<SuggestionView> open(@RequestParam(required = false) String region) {
        return inbox.open(region, CurrentUser.get()).stream().map(SuggestionController::view).toList();
    }

    @PostMapping("/{id}/accept")
    AcceptedView accept(@PathVariable String id, @Valid @RequestBody(required = false) AcceptRequest request) {
        AcceptRequest body = request == null ? new AcceptRequest(null, null, null) : request;
        SuggestionInbox.Accepted accepted = inbox.accept(id, body.kind(), body.rationale(), body.nextStepOn(),
                CurrentUser.get());
        return new AcceptedView(view(accepted.item()), accepted.talent().id(), accepted.talent().stage());
    }

    @PostMapping("/{id}/dismiss")
    SuggestionView dismiss(@PathVariable String id) {
        return view(inbox.dismiss(id, CurrentUser.get()));
    }

    private static SuggestionView view(SuggestionInbox.Item item) {
        return SuggestionView.of(item.suggestion(), item.schoolName(), item.region());
    }
}
