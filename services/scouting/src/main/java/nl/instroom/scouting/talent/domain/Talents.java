package nl.instroom.scouting.talent.domain;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import nl.instroom.events.scouting.PersonKind;
import nl.instroom.events.scouting.TalentStage;

/** Where talents are kept; saving stores the state and the registered events in one write. */
public interface Talents {

    /** At most this many talents come back from one list query. */
    int LIST_LIMIT = 1000;

    Optional<Talent> find(String id);

    void save(Talent talent);

    /** Talents in a region (all regions when null), optionally of one stage / person kind / due by a day. */
    List<Talent> list(String region, TalentStage stage, PersonKind personKind, LocalDate nextStepDueBy);

    /** Whether the person has a talent whose pipeline is still open. */
    boolean openFor(PersonKind personKind, String personRef);

    /** Talents of a region flagged within the period (both ends included). */
    List<Talent> flaggedBetween(String region, LocalDate from, LocalDate to);

    /** Talents of a region that are (or were) ambassadors. */
    List<Talent> ambassadorsIn(String region);

    /**
     * One page, in id order after {@code afterId} (null: from the start), of closed talents that still name their
     * person or keep a rationale: the candidates of retention.
     */
    List<Talent> closedPage(String afterId, int limit);

    /** Drops the scout's rationale from these closed talents; returns how many changed. */
    int dropRationale(Collection<String> talentIds);

    /**
     * Anonymises these closed talents as {@link #anonymise} does a person's: reference {@value Talent#ERASED}, no
     * rationale; returns how many changed.
     */
    int anonymiseTalents(Collection<String> talentIds);

    /**
     * Anonymises the person's talents: the reference becomes {@value Talent#ERASED} and the rationale is dropped,
     * while stages and dates stay so the funnel still counts them. Returns how many talents were changed.
     */
    int anonymise(PersonKind personKind, String personRef);
}
