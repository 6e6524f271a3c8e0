package nl.instroom.scouting.talent.application;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import nl.instroom.chassis.outbox.InMemoryAggregates;
import nl.instroom.events.InstroomEvent;
import nl.instroom.events.scouting.PersonKind;
import nl.instroom.events.scouting.TalentStage;
import nl.instroom.scouting.talent.domain.Talent;
import nl.instroom.scouting.talent.domain.Talents;

/**
 * Talents in memory, for use-case tests: a copy per save (a use case that fails has changed nothing), a refusal of a
 * save over a revision changed meanwhile, and the events each save would have put in the outbox.
 */
public final class InMemoryTalents implements Talents {

    private final InMemoryAggregates<Talent> stored = new InMemoryAggregates<>(
            new InMemoryAggregates.Shape<>("Talent", Talent::id, Talent::revision, Talent::loadedRevision,
                    Talent::registeredEvents, InMemoryTalents::copy));

    @Override
    public Optional<Talent> find(String id) {
        return stored.find(id);
    }

    @Override
    public void save(Talent talent) {
        stored.save(talent);
    }

    @Override
    public List<Talent> list(String region, TalentStage stage, PersonKind personKind, LocalDate nextStepDueBy) {
        return stored.all().filter(t -> region == null || t.region().equals(region))
                .filter(t -> stage == null || t.stage() == stage)
                .filter(t -> personKind == null || t.personKind() == personKind)
                .filter(t -> nextStepDueBy == null || t.nextStepOn() != null && !t.nextStepOn().isAfter(nextStepDueBy))
                .limit(LIST_LIMIT).toList();
    }

    @Override
    public boolean openFor(PersonKind personKind, String personRef) {
        return stored.all().anyMatch(t -> t.personKind() == personKind
                && t.personRef().equals(personRef) && !t.closed());
    }

    @Override
    public List<Talent> flaggedBetween(String region, LocalDate from, LocalDate to) {
        return stored.all().filter(t -> t.region().equals(region))
                .filter(t -> !t.flaggedOn().isBefore(from) && !t.flaggedOn().isAfter(to))
                .toList();
    }

    @Override
    public List<Talent> ambassadorsIn(String region) {
        return stored.all().filter(t -> t.region().equals(region) && t.ambassadorship() != null)
                .toList();
    }

    @Override
    public List<Talent> closedPage(String afterId, int limit) {
        throw new UnsupportedOperationException("retention is tested against the store");
    }

    @Override
    public int dropRationale(Collection<String> talentIds) {
        throw new UnsupportedOperationException("retention is tested against the store");
    }

    @Override
    public int anonymiseTalents(Collection<String> talentIds) {
        throw new UnsupportedOperationException("retention is tested against the store");
    }

    @Override
    public int anonymise(PersonKind personKind, String personRef) {
        throw new UnsupportedOperationException("erasure is tested against the store");
    }

    /** The events the saves so far would have published, in order. */
    public List<InstroomEvent> published() {
        return stored.published();
    }

    private static Talent copy(Talent t) {
        return Talent.restore(t.id(), t.personKind(), t.personRef(), t.kind(), t.region(), t.schoolCode(),
                t.rationale(), t.suggestionId(), t.stage(), t.history(), t.nextStepOn(), t.ambassadorship(),
                t.activities(), t.revision());
    }
}
