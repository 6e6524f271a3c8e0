package nl.instroom.careeradvice.cases.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where cases are kept; their personal data sealed at rest, their e-mail addresses findable by digest only. */
public interface Cases {

    Optional<AdviceCase> find(String id);

    Optional<AdviceCase> findByEmailDigest(String emailDigest);

    /**
     * Saves the case with the events it registered, if nobody changed it since it was loaded (and, for a new case, if
     * no case has its e-mail digest yet); a refusal (409) otherwise.
     */
    void save(AdviceCase advice);

    /** Cases in a phase (or all open ones), most recently active first, at most {@code limit}. */
    List<AdviceCase> list(Phase phase, int limit);

    /** Cases whose person agreed to be introduced to that region's coordinator (and has not withdrawn), at most {@code limit}. */
    List<AdviceCase> introducedTo(String region, int limit);

    /**
     * Erases the case whole: its document and its key (so a copy of its sealed data in a backup cannot be opened).
     * Returns whether there was one; safe to repeat.
     */
    boolean erase(String id);

    /** Cases whose chosen retention ended before the cutoff, at most {@code limit}: ids and whether they were referred. */
    List<Due> dueBefore(Instant cutoff, int limit);

    /** A case past its retention period. */
    record Due(String id, boolean referred) {
    }
}
