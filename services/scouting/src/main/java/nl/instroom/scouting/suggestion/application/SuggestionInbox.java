package nl.instroom.scouting.suggestion.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.instroom.chassis.audit.AuditTrail;
import nl.instroom.chassis.events.ReceivedEvent;
import nl.instroom.chassis.refusal.NotPossibleNow;
import nl.instroom.chassis.security.CurrentUser;
import nl.instroom.chassis.web.NotFoundException;
import nl.instroom.events.InstroomEvent;
import nl.instroom.events.scouting.TalentKind;
import nl.instroom.events.stay.GrowthAmbitionShared;
import nl.instroom.events.tutoring.PlacementCompleted;
import nl.instroom.scouting.schools.domain.SchoolView;
import nl.instroom.scouting.schools.domain.SchoolViews;
import nl.instroom.scouting.suggestion.domain.Suggestion;
import nl.instroom.scouting.suggestion.domain.Suggestions;
import nl.instroom.scouting.talent.application.TalentService;
import nl.instroom.scouting.talent.domain.Talent;
import org.springframework.stereotype.Service;

/**
 * Fills the inbox from events (never from calls) and lets the scout accept or dismiss each suggestion once. A
 * suggestion belongs to the region of its school, as scouting's school projection knows it; until that school is
 * known, only an admin sees the suggestion.
 */
@Service
public class SuggestionInbox {

    /** A suggestion with what the projection knows of its school. */
    public record Item(Suggestion suggestion, String schoolName, String region) {
    }

    /** The outcome of accepting: the decided suggestion and the talent it became. */
    public record Accepted(Item item, Talent talent) {
    }

    private final Suggestions suggestions;
    private final SchoolViews schools;
    private final TalentService talents;
    private final AuditTrail audit;
    private final Clock clock;

    SuggestionInbox(Suggestions suggestions, SchoolViews schools, TalentService talents, AuditTrail audit,
            Clock clock) {
        this.suggestions = suggestions;
        this.schools = schools;
        this.talents = talents;
        this.audit = audit;
        this.clock = clock;
    }

    /** Handles an event of tutoring's placements topic or stay-interviews' signals topic. */
    public boolean offer(ReceivedEvent<InstroomEvent> received) {
        InstroomEvent event = received.data();
        if (event instanceof PlacementCompleted completed) {
            return Suggestion.from(completed, clock.instant()).map(suggestions::offer).orElse(false);
        }
        if (event instanceof GrowthAmbitionShared shared) {
            return suggestions.offer(Suggestion.from(shared, clock.instant()));
        }
        return false;
    }

    public List<Item> open(String region, CurrentUser user) {
        String scope = user.regionAskedOrAll(region).orElse(null);
        List<Suggestion> open = suggestions.open(scope == null ? null
                : schools.inRegion(scope).stream().map(SchoolView::schoolCode).toList());
        Map<String, SchoolView> known = schools.findAll(open.stream().map(Suggestion::schoolCode)
                .distinct().toList());
        List<Item> items = new ArrayList<>();
        for (Suggestion suggestion : open) {
            Optional<SchoolView> school = Optional.ofNullable(known.get(suggestion.schoolCode()));
            String schoolRegion = school.map(SchoolView::region).orElse(null);
            if (scope == null || scope.equals(schoolRegion)) {
                items.add(new Item(suggestion, school.map(SchoolView::name).orElse(null), schoolRegion));
            }
        }
        audit.record("LISTED_SUGGESTIONS", scope == null ? "all-regions" : scope);
        return items;
    }

    /**
     * Turns the suggestion into a flag in its school's region. Without a rationale of the scout's own, the facts
     * of the suggestion are the rationale.
     */
    public Accepted accept(String id, TalentKind kind, String rationale, LocalDate nextStepOn, CurrentUser user) {
        Item item = changeable(id, user);
        Suggestion suggestion = item.suggestion();
        suggestion.requireOpen();
        Talent talent = talents.flagFromSuggestion(suggestion.id(), new TalentService.FlagTalent(
                suggestion.personKind(), suggestion.personRef(), kind == null ? suggestion.suggestedKind() : kind,
                suggestion.schoolCode(), rationale == null || rationale.isBlank() ? factsOf(suggestion) : rationale,
                null, nextStepOn), item.region());
        suggestion.accept(talent.id(), LocalDate.now(clock));
        decided(suggestion, "ACCEPTED_SUGGESTION");
        return new Accepted(item, talent);
    }

    public Item dismiss(String id, CurrentUser user) {
        Item item = changeable(id, user);
        item.suggestion().dismiss(LocalDate.now(clock));
        decided(item.suggestion(), "DISMISSED_SUGGESTION");
        return item;
    }

    private void decided(Suggestion suggestion, String action) {
        if (!suggestions.decide(suggestion)) {
            throw new NotPossibleNow("Suggestion " + suggestion.id() + " was decided by someone else");
        }
        audit.record(action, suggestion.id());
    }

    /** A suggestion belongs to its school's region; only those who may change that region decide it. */
    private Item changeable(String id, CurrentUser user) {
        Suggestion suggestion = suggestions.find(id).orElseThrow(() -> new NotFoundException("Suggestion", id));
        Optional<SchoolView> school = schools.find(suggestion.schoolCode());
        if (school.isEmpty() || !user.mayChangeSchool(suggestion.schoolCode(), school.get().region())) {
            throw new NotFoundException("Suggestion", id);
        }
        return new Item(suggestion, school.get().name(), school.get().region());
    }

    private static String factsOf(Suggestion suggestion) {
        if (suggestion.source() == Suggestion.Source.PLACEMENT) {
            return "Suggested: placement in " + suggestion.subject() + " completed on " + suggestion.occurredOn()
                    + ", the school scored talent for teaching " + suggestion.talentForTeaching() + " of 5";
        }
        return "Suggested: growth ambition " + suggestion.ambition() + " shared on " + suggestion.occurredOn();
    }
}
