package nl.instroom.needmapping.region.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import nl.instroom.chassis.refusal.InvalidRequest;

/**
 * Which municipality a 4-digit postcode area (PC4) lies in: how a school from DUO's file, which names its
 * municipality only by name, gets the municipality's code. A PC4 that spans municipalities has an area per place;
 * the school's own coordinates then choose the one whose centre is nearest.
 */
public final class PostcodeAreas {

    /** A place within a PC4: the municipality it belongs to and its centre. */
    public record Area(String pc4, String municipalityCode, double latitude, double longitude) {

        public Area {
            if (pc4 == null || !PC4.matcher(pc4).matches()) {
                throw new InvalidRequest("'" + pc4 + "' is not a PC4");
            }
            municipalityCode = CbsCodes.municipality(municipalityCode);
        }
    }

    private static final Pattern PC4 = Pattern.compile("[1-9][0-9]{3}");

    private final Map<String, List<Area>> byPc4 = new HashMap<>();

    private PostcodeAreas(Collection<Area> areas) {
        areas.forEach(area -> byPc4.computeIfAbsent(area.pc4(), pc4 -> new ArrayList<>()).add(area));
    }

    public static PostcodeAreas of(Collection<Area> areas) {
        return new PostcodeAreas(areas);
    }

    /**
     * The municipality of a postcode ({@code 8011AB}, {@code 8011 AB} or just the PC4), chosen among the PC4's areas
     * by the nearest centre when there are several; empty for a postcode whose PC4 is not known.
     */
    public Optional<String> municipalityOf(String postcode, double latitude, double longitude) {
        if (postcode == null || postcode.length() < 4) {
            return Optional.empty();
        }
        List<Area> areas = byPc4.get(postcode.substring(0, 4));
        if (areas == null) {
            return Optional.empty();
        }
        double shrink = Math.cos(Math.toRadians(latitude));
        return areas.stream().min(Comparator.comparingDouble(area -> {
            double north = area.latitude() - latitude;
            double east = (area.longitude() - longitude) * shrink;
            return north * north + east * east;
        })).map(Area::municipalityCode);
    }

    /** Every municipality code some PC4 lies in. */
    public Set<String> municipalityCodes() {
        Set<String> codes = new TreeSet<>();
        byPc4.values().forEach(areas -> areas.forEach(area -> codes.add(area.municipalityCode())));
        return codes;
    }

    /** How many PC4s are known. */
    public int size() {
        return byPc4.size();
    }
}
