package nl.instroom.needmapping.school.domain;

import java.util.ArrayList;
import java.util.List;
import nl.instroom.chassis.refusal.InvalidRequest;
import nl.instroom.events.InstroomEvent;
import nl.instroom.events.needmap.SchoolRegistered;
import nl.instroom.events.needmap.SchoolUpdated;

/**
 * A school location. Registering it registers {@code SchoolRegistered}; new facts register {@code SchoolUpdated}
 * and raise the revision, the same facts again change nothing, so a re-import is silent. Moving to another region
 * (its municipality moved in the register) is new facts like any other.
 */
public final class School {

    private SchoolFacts facts;
    private long revision;
    private final long loadedRevision;
    private final List<InstroomEvent> registered = new ArrayList<>();

    private School(SchoolFacts facts, long revision, long loadedRevision) {
        this.facts = facts;
        this.revision = revision;
        this.loadedRevision = loadedRevision;
    }

    public static School register(SchoolFacts facts) {
        School school = new School(facts, 1, 0);
        school.registered.add(new SchoolRegistered(facts.vestigingscode(), facts.name(), facts.sector(),
                facts.municipality(), facts.municipalityCode(), facts.postcode(), facts.latitude(), facts.longitude(),
                facts.pupils(), facts.region(), 1));
        return school;
    }

    public static School restore(SchoolFacts facts, long revision) {
        return new School(facts, revision, revision);
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
        revision++;
        registered.add(new SchoolUpdated(facts.vestigingscode(), facts.name(), facts.sector(), facts.municipality(),
                facts.municipalityCode(), facts.postcode(), facts.latitude(), facts.longitude(), facts.pupils(),
                facts.region(), revision));
        return true;
    }

    public SchoolFacts facts() {
        return facts;
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
