package nl.instroom.careeradvice.cases.application;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.instroom.careeradvice.cases.domain.AdviceCase;
import nl.instroom.careeradvice.cases.domain.Cases;
import nl.instroom.careeradvice.cases.domain.Phase;
import nl.instroom.chassis.refusal.ChangedMeanwhile;

/**
 * Cases in memory, for use-case tests: a copy per save, a refusal of a save over a revision changed meanwhile or of a
 * second new case with the same e-mail digest, as the store's adapter does. {@link #failNextSave} makes the next
 * save fail as an unreachable store would, to show what a use case leaves behind then.
 */
final class InMemoryCases implements Cases {

    private final Map<String, AdviceCase> stored = new LinkedHashMap<>();
    private boolean failNextSave;

    @Override
    public Optional<AdviceCase> find(String id) {
        return Optional.ofNullable(stored.get(id)).map(InMemoryCases::copy);
    }

    @Override
    public Optional<AdviceCase> findByEmailDigest(String emailDigest) {
        return stored.values().stream().filter(c -> c.emailDigest().equals(emailDigest)).findFirst()
                .map(InMemoryCases::copy);
    }

    @Override
    public void save(AdviceCase advice) {
        if (failNextSave) {
            failNextSave = false;
            throw new IllegalStateException("the store is unreachable");
        }
        AdviceCase current = stored.get(advice.id());
        long storedRevision = current == null ? 0 : current.revision();
        if (storedRevision != advice.loadedRevision() || current == null
                && findByEmailDigest(advice.emailDigest()).isPresent()) {
            throw new ChangedMeanwhile("Case " + advice.id() + " changed meanwhile");
        }
        stored.put(advice.id(), copy(advice));
    }

    @Override
    public List<AdviceCase> list(Phase phase, int limit) {
        return stored.values().stream().filter(c -> phase == null ? c.phase() != Phase.LEFT : c.phase() == phase)
                .sorted(Comparator.comparing(AdviceCase::lastActivity).reversed()).limit(limit)
                .map(InMemoryCases::copy).toList();
    }

    @Override
    public List<AdviceCase> introducedTo(String region, int limit) {
        return stored.values().stream().filter(c -> c.introduction() != null && c.introduction().active()
                && c.introduction().region().equals(region)).limit(limit).map(InMemoryCases::copy).toList();
    }

    @Override
    public boolean erase(String id) {
        return stored.remove(id) != null;
    }

    @Override
    public List<Due> dueBefore(Instant cutoff, int limit) {
        throw new UnsupportedOperationException("retention is tested against the store");
    }

    void failNextSave() {
        failNextSave = true;
    }

    int count() {
        return stored.size();
    }

    private static AdviceCase copy(AdviceCase c) {
        return AdviceCase.restore(c.id(), c.emailDigest(), c.name(), c.email(), c.consentGivenAt(),
                c.retentionMonths(), c.lastActivity(), c.phase(), c.profile(), c.advisorRef(), c.requests(),
                c.contacts(), c.phases(), c.outcomes(), c.referrals(), c.introduction(), c.revision());
    }
}
