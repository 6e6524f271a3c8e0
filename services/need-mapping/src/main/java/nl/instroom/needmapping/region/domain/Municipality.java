package nl.instroom.needmapping.region.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import nl.instroom.chassis.refusal.InvalidRequest;

/**
 * A municipality in the register, with the region it belongs to from each day on. The first assignment is the one
 * the register was loaded with (CBS's table); an admin adds later ones, each effective from a day, which may lie in
 * the future. Assigning the region a municipality already has on that day changes nothing, so the same request
 * twice is harmless; assigning the earlier region on the day of a planned move takes that move back.
 */
public final class Municipality {

    /** From {@code from} on (until the next assignment) the municipality belongs to {@code region}. */
    public record Assignment(String region, LocalDate from) {

        public Assignment {
            region = CbsCodes.region(region);
            Objects.requireNonNull(from, "from");
        }
    }

    private final String code;
    private final String name;
    private final TreeMap<LocalDate, String> assignments = new TreeMap<>();
    private long revision;
    private final long loadedRevision;

    private Municipality(String code, String name, List<Assignment> assignments, long revision, long loadedRevision) {
        this.code = CbsCodes.municipality(code);
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new InvalidRequest("A municipality needs a name of at most 100 characters");
        }
        this.name = name.trim();
        if (assignments.isEmpty()) {
            throw new InvalidRequest("Municipality " + code + " needs a region");
        }
        assignments.forEach(assignment -> this.assignments.put(assignment.from(), assignment.region()));
        this.revision = revision;
        this.loadedRevision = loadedRevision;
    }

    /** A municipality as the register is loaded with it: in {@code region} from {@code from}. */
    public static Municipality establish(String code, String name, String region, LocalDate from) {
        return new Municipality(code, name, List.of(new Assignment(region, from)), 1, 0);
    }

    public static Municipality restore(String code, String name, List<Assignment> assignments, long revision) {
        return new Municipality(code, name, assignments, revision, revision);
    }

    /**
     * The region on a day. Before the first assignment the register knows no other, so that one holds.
     */
    public String regionOn(LocalDate day) {
        Map.Entry<LocalDate, String> entry = assignments.floorEntry(day);
        return entry != null ? entry.getValue() : assignments.firstEntry().getValue();
    }

    /**
     * Puts the municipality in {@code region} from {@code from} on; later assignments still follow. Returns false
     * (and changes nothing) when it already belongs there from that day.
     *
     * @throws InvalidRequest for a day before the register's first assignment: the register does not
     *     know what held then
     */
    public boolean assign(String region, LocalDate from) {
        String target = CbsCodes.region(region);
        Objects.requireNonNull(from, "effective date");
        if (from.isBefore(assignments.firstKey())) {
            throw new InvalidRequest("The register knows " + code + " from " + assignments.firstKey()
                    + "; a change cannot take effect before that");
        }
        TreeMap<LocalDate, String> changed = new TreeMap<>(assignments);
        changed.put(from, target);
        normalise(changed);
        if (changed.equals(assignments)) {
            return false;
        }
        assignments.clear();
        assignments.putAll(changed);
        revision++;
        return true;
    }

    /** An assignment that repeats the region before it says nothing: dropped, so each one is a real move. */
    private static void normalise(TreeMap<LocalDate, String> assignments) {
        String previous = null;
        for (LocalDate day : List.copyOf(assignments.keySet())) {
            String region = assignments.get(day);
            if (region.equals(previous)) {
                assignments.remove(day);
            }
            previous = region;
        }
    }

    /** The first day after {@code day} on which the region changes, if one is planned. */
    public Optional<LocalDate> nextChangeAfter(LocalDate day) {
        return Optional.ofNullable(assignments.higherKey(day));
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public List<Assignment> assignments() {
        List<Assignment> list = new ArrayList<>();
        assignments.forEach((from, region) -> list.add(new Assignment(region, from)));
        return list;
    }

    public long revision() {
        return revision;
    }

    /** The revision it had when it was loaded: 0 for a new one. Saving checks that nobody changed it since. */
    public long loadedRevision() {
        return loadedRevision;
    }
}
