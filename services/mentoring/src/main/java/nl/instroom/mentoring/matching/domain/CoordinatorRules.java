package nl.instroom.mentoring.matching.domain;

import java.util.Set;

/** The programme coordinator's say in a cohort's matching: pairs that must be made, pairs that must not. */
public record CoordinatorRules(Set<PairKey> pins, Set<PairKey> exclusions) {

    public static final CoordinatorRules NONE = new CoordinatorRules(Set.of(), Set.of());

    public CoordinatorRules {
        pins = Set.copyOf(pins);
        exclusions = Set.copyOf(exclusions);
    }
}
