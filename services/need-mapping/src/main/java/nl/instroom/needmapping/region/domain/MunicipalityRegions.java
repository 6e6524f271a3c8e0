package nl.instroom.needmapping.region.domain;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The register on one day: the region of every municipality it knows. Read once, asked thousands of times. */
public final class MunicipalityRegions {

    private final LocalDate day;
    private final Map<String, String> regionOf = new HashMap<>();

    private MunicipalityRegions(LocalDate day, Collection<Municipality> municipalities) {
        this.day = day;
        municipalities.forEach(municipality -> regionOf.put(municipality.code(), municipality.regionOn(day)));
    }

    public static MunicipalityRegions on(LocalDate day, Collection<Municipality> municipalities) {
        return new MunicipalityRegions(day, municipalities);
    }

    /** The region of the municipality on this day; empty for a code the register does not know. */
    public Optional<String> regionOf(String municipalityCode) {
        return Optional.ofNullable(regionOf.get(municipalityCode));
    }

    public LocalDate day() {
        return day;
    }
}
