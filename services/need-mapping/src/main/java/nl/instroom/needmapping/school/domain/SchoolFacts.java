package nl.instroom.needmapping.school.domain;

import java.util.Objects;
import nl.instroom.chassis.refusal.InvalidRequest;
import nl.instroom.events.Sector;

/**
 * What is known about a school location, as registered or imported. Equal facts mean nothing changed.
 *
 * @param municipality the municipality's name as DUO writes it (upper case), shown to people and filtered on
 * @param municipalityCode the municipality's CBS code ({@code GMxxxx}), which the region is joined on; null only for
 *     a school stored before regions became data, until {@code SchoolRegions} gives it one
 * @param region the CBS code of the labour-market region the register assigns the municipality
 */
public record SchoolFacts(String vestigingscode, String name, Sector sector, String municipality,
        String municipalityCode, String postcode, double latitude, double longitude, Integer pupils, String region) {

    public SchoolFacts {
        vestigingscode = Vestigingscode.canonical(vestigingscode);
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new InvalidRequest("A school needs a name of at most 200 characters");
        }
        Objects.requireNonNull(sector, "sector");
        if (municipality == null || municipality.isBlank()) {
            throw new InvalidRequest("A school needs a municipality");
        }
        if (postcode != null && !postcode.matches("[1-9][0-9]{3} ?[A-Z]{2}")) {
            throw new InvalidRequest("'" + postcode + "' is not a Dutch postcode");
        }
        if (latitude < 50.7 || latitude > 53.6 || longitude < 3.3 || longitude > 7.3) {
            throw new InvalidRequest("Coordinates " + latitude + "," + longitude + " are not in the Netherlands");
        }
        if (pupils != null && (pupils < 0 || pupils > 20_000)) {
            throw new InvalidRequest("Pupil count " + pupils + " is not plausible");
        }
        if (municipalityCode != null && !municipalityCode.matches("GM[0-9]{4}")) {
            throw new InvalidRequest("'" + municipalityCode + "' is not a municipality code");
        }
        Objects.requireNonNull(region, "region");
        name = name.trim();
        municipality = municipality.trim().toUpperCase(java.util.Locale.ROOT);
        postcode = postcode == null ? null : postcode.replace(" ", "");
    }

    /** The same school in another municipality (by code) and region: how it follows the register. */
    public SchoolFacts placedIn(String newMunicipalityCode, String newRegion) {
        return new SchoolFacts(vestigingscode, name, sector, municipality, newMunicipalityCode, postcode, latitude,
                longitude, pupils, newRegion);
    }
}
