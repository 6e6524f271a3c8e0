package nl.instroom.scouting.suggestion.application;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.instroom.events.scouting.PersonKind;
import nl.instroom.scouting.suggestion.domain.Suggestion;
import nl.instroom.scouting.suggestion.domain.SuggestionStatus;
import nl.instroom.scouting.suggestion.domain.Suggestions;

/**
 * The inbox in memory: a redelivered fact is recognised and not offered twice (the store does it with a unique digest
 * of the fact), and a decision is stored only while the suggestion is still open.
 */
final class InMemorySuggestions implements Suggestions {

    private final Map<String, Suggestion> stored = new LinkedHashMap<>();
    private final Set<String> factsSeen = new HashSet<>();

    @Override
    public boolean offer(Suggestion suggestion) {
        if (stored.containsKey(suggestion.id()) || !factsSeen.add(suggestion.fact())) {
            return false;
        }
        stored.put(suggestion.id(), copy(suggestion));
        return true;
    }

    @Override
    public Optional<Suggestion> find(String id) {
        return Optional.ofNullable(stored.get(id)).map(InMemorySuggestions::copy);
    }

    @Override
    public List<Suggestion> open(Collection<String> schoolCodes) {
        return stored.values().stream().filter(s -> s.status() == SuggestionStatus.OPEN)
                .filter(s -> schoolCodes == null || schoolCodes.contains(s.schoolCode())).limit(LIST_LIMIT)
                .map(InMemorySuggestions::copy).toList();
    }

    @Override
    public boolean decide(Suggestion decided) {
        Suggestion current = stored.get(decided.id());
        if (current == null || current.status() != SuggestionStatus.OPEN) {
            return false;
        }
        stored.put(decided.id(), copy(decided));
        return true;
    }

    @Override
    public int anonymiseReceivedBefore(Instant moment, int limit) {
        throw new UnsupportedOperationException("retention is tested against the store");
    }

    @Override
    public int anonymise(PersonKind personKind, String personRef) {
        throw new UnsupportedOperationException("erasure is tested against the store");
    }

    private static Suggestion copy(Suggestion s) {
        return Suggestion.restore(s.id(), s.source(), s.personKind(), s.personRef(), s.schoolCode(),
                s.suggestedKind(), s.subject(), s.talentForTeaching(), s.reliability(), s.ambition(), s.occurredOn(),
                s.receivedAt(), s.status(), s.talentId(), s.decidedOn());
    }
}
