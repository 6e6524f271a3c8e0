package nl.instroom.mentoring.pair.domain;

import java.util.List;
import java.util.Optional;

/** Where pairs are kept; saving stores the state and the registered events in one write. */
public interface Pairs {

    /** Stores a new pair; false when a pair of the same two sign-ups in the cohort exists already. */
    boolean add(Pair pair);

    /** Stores a change; refused (409) when someone else changed the pair since it was loaded. */
    void save(Pair pair);

    Optional<Pair> find(String id);

    List<Pair> ofCohort(String cohortId);

    /** Every pair of the sign-up, whatever its status, oldest first. */
    List<Pair> ofSignUp(String signUpId);

    /** Open pairs (proposed, accepted or active) of the sign-up. */
    List<Pair> openOf(String signUpId);

    /** Active pairs not flagged as quiet, one page in id order after {@code afterId} (null: from the start). */
    List<Pair> activeUnflagged(String afterId, int limit);

    /** Quiet pairs of a cohort: active and flagged. */
    List<Pair> quietIn(String cohortId);

    /**
     * Forgets the participant in their pairs: the reference becomes {@code erased}, the goals and feedback text
     * they wrote go; dates, counts and scores stay. Returns how many pairs changed.
     */
    int forget(String participantRef);
}
