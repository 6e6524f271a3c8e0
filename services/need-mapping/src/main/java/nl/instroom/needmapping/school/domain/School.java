package nl.instroom.needmapping.school.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.instroom.chassis.refusal.InvalidRequest;
import nl.instroom.events.InstroomEvent;
import nl.instroom.events.needmap.SchoolRegistered;
import nl.instroom.events.needmap.SchoolUpdated;

/**
 * A school location. Registering it registers {@code SchoolRegistered}; new facts register {@code SchoolUpdated}
 * and raise the revision, the same facts again change nothing, so a re-import is silent. Moving to another region
 * (its municipality moved in the register) is new facts like any other. What the school says about hosting tutors
 * is kept apart from the facts, so a re-import of DUO's data never overwrites it; every event carries both.
 */
public final class School {

    private SchoolFacts facts;
    private TutoringHosting hosting;
    private long revision;
    private final long loadedRevision;
    private final List<InstroomEvent> registered = new ArrayList<>();

    private School(SchoolFacts facts, TutoringHosting hosting, long revision, long loadedRevision) {
        this.facts = facts;
        this.hosting = hosting;
        this.revision = revision;
        this.loadedRevision = loadedRevision;
    }

    public static School register(SchoolFacts facts) {
        School school = new School(facts, null, 1, 0);
        school.registered.add(new SchoolRegistered(facts.vestigingscode(), facts.name(), facts.sector(),
                facts.municipality(), facts.municipalityCode(), facts.postcode(), facts.latitude(), facts.longitude(),
                facts.pupils(), facts.region(), null, null, 1));
        return school;
    }

    public static School restore(SchoolFacts facts, long revision) {
        return restore(facts, null, revision);
    }

    /** @param hosting what the school said about hosting tutors; null when it never said */
    public static School restore(SchoolFacts facts, TutoringHosting hosting, long revision) {
        return new School(facts, hosting, revision, revision);
    }

    /** Takes new facts; returns false (and registers nothing) when they are the same as the current ones. */
    public boolean update(SchoolFacts newFacts) {
        if (!newFacts.vestigingscode().equals(facts.vestigingscode())) {
            throw new InvalidRequest("Facts of " + newFacts.vestigingscode() + " do not belong to "
                    + facts.vestigingscode());
        }
        if (newFacts.equals(facts)) {
            return false;
        }
        facts = newFacts;
        changed();
        return true;
    }

    /**
     * The school says on which weekdays and how many tutors it hosts; returns false (and registers nothing) when it
     * said the same before.
     */
    public boolean hostTutors(TutoringHosting newHosting) {
        if (newHosting.equals(hosting)) {
            return false;
        }
        hosting = newHosting;
        changed();
        return true;
    }

    private void changed() {
        revision++;
        registered.add(new SchoolUpdated(facts.vestigingscode(), facts.name(), facts.sector(), facts.municipality(),
                facts.municipalityCode(), facts.postcode(), facts.latitude(), facts.longitude(), facts.pupils(),
                facts.region(), hosting == null ? null : hosting.daysInOrder(),
                hosting == null ? null : hosting.capacity(), revision));
    }

    public SchoolFacts facts() {
        return facts;
    }

    /** What the school said about hosting tutors, if it did. */
    public Optional<TutoringHosting> hosting() {
        return Optional.ofNullable(hosting);
    }

    public String code() {
        return facts.vestigingscode();
    }

    public long revision() {
        return revision;
    }

    /** The revision this school had when it was loaded: 0 for a new one. Saving checks nobody changed it since. */
    public long loadedRevision() {
        return loadedRevision;
    }

    public List<InstroomEvent> registeredEvents() {
        return List.copyOf(registered);
    }
}
