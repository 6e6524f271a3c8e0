package nl.instroom.mentoring.pair.application;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import nl.instroom.mentoring.pair.domain.Seats;

/** The seats each sign-up has given to pairs, in memory: at most its capacity, one per pair, given back once. */
final class InMemorySeats implements Seats {

    private final Map<String, Set<String>> taken = new HashMap<>();

    @Override
    public boolean take(String signUpId, int capacity, String pairId) {
        Set<String> pairs = taken.computeIfAbsent(signUpId, id -> new LinkedHashSet<>());
        if (pairs.contains(pairId)) {
            return true;
        }
        if (pairs.size() >= capacity) {
            return false;
        }
        pairs.add(pairId);
        return true;
    }

    @Override
    public void release(String signUpId, String pairId) {
        taken.getOrDefault(signUpId, new LinkedHashSet<>()).remove(pairId);
    }

    int heldBy(String signUpId) {
        return taken.getOrDefault(signUpId, Set.of()).size();
    }
}
