package nl.instroom.needmapping.region.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import nl.instroom.chassis.refusal.InvalidRequest;
import nl.instroom.needmapping.region.application.MunicipalityMoves;
import nl.instroom.needmapping.region.application.Regions;
import nl.instroom.needmapping.region.application.SchoolsOfRegions;
import nl.instroom.needmapping.region.domain.Municipality;
import nl.instroom.needmapping.region.domain.Region;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The region register: everyone signed in reads it (regions and municipalities are public), admins change it. Days
 * are ISO dates ({@code 2026-07-01}).
 */
@RestController
class RegionController {

    /** A region with how many municipalities and schools it has today. */
    record RegionSummary(String code, String name, int municipalities, int schools) {
    }

    /** A region with its municipalities on a day. */
    record RegionView(String code, String name, LocalDate on, int schools, List<MunicipalityInRegion> municipalities) {
    }

    record MunicipalityInRegion(String code, String name) {
    }

    /** A municipality, its region today and every assignment (the first from the table, later ones an admin's). */
    record MunicipalityView(String code, String name, String region, String regionName,
            List<Municipality.Assignment> assignments) {
    }

    /** An admin's move: which region, from which day. */
    record Move(@NotBlank @Size(max = 40) String region, @NotBlank @Size(max = 30) String effectiveFrom) {
    }

    /** After a move: the municipality now, whether the register changed, and how many schools moved today. */
    record Moved(MunicipalityView municipality, boolean changed, int schoolsMoved) {
    }

    record RegionName(@NotBlank @Size(max = 100) String name) {
    }

    private final Regions regions;
    private final MunicipalityMoves moves;
    private final SchoolsOfRegions schools;
    private final Clock clock;

    RegionController(Regions regions, MunicipalityMoves moves, SchoolsOfRegions schools, Clock clock) {
        this.regions = regions;
        this.moves = moves;
        this.schools = schools;
        this.clock = clock;
    }

    @GetMapping("/api/regions")
    List<RegionSummary> regions() {
        Map<String, Integer> schoolsPerRegion = schools.countByRegion();
        Map<String, Long> municipalitiesPerRegion = regions.municipalitiesPerRegion(LocalDate.now(clock));
        return regions.regions().stream().map(region -> new RegionSummary(region.code(), region.name(),
                municipalitiesPerRegion.getOrDefault(region.code(), 0L).intValue(),
                schoolsPerRegion.getOrDefault(region.code(), 0))).toList();
    }

    @GetMapping("/api/regions/{code}")
    RegionView region(@PathVariable String code, @RequestParam(required = false) @Size(max = 30) String on) {
        Region region = regions.region(code);
        LocalDate day = on == null ? LocalDate.now(clock) : day("on", on);
        return new RegionView(region.code(), region.name(), day,
                schools.countByRegion().getOrDefault(region.code(), 0),
                regions.municipalitiesOf(region.code(), day).stream()
                        .map(m -> new MunicipalityInRegion(m.code(), m.name())).toList());
    }

    /** Adds a region (a code CBS introduced) or renames one. */
    @PutMapping("/api/regions/{code}")
    Region defineRegion(@PathVariable String code, @Valid @RequestBody RegionName body) {
        return regions.define(code, body.name());
    }

    @GetMapping("/api/municipalities/{code}")
    MunicipalityView municipality(@PathVariable String code) {
        return view(regions.municipality(code));
    }

    /**
     * Puts the municipality in another region from a day on; its schools move when that day has come (today or
     * earlier: at once). The same move again changes nothing; the earlier region on the day of a planned move takes
     * the move back.
     */
    @PutMapping("/api/municipalities/{code}/region")
    Moved move(@PathVariable String code, @Valid @RequestBody Move move) {
        MunicipalityMoves.MunicipalityMoved moved = moves.moveMunicipality(code, move.region(),
                day("effectiveFrom", move.effectiveFrom()));
        return new Moved(view(moved.municipality()), moved.changed(), moved.schoolsMoved());
    }

    private MunicipalityView view(Municipality municipality) {
        String region = municipality.regionOn(LocalDate.now(clock));
        return new MunicipalityView(municipality.code(), municipality.name(), region, regions.region(region).name(),
                municipality.assignments());
    }

    private static LocalDate day(String field, String text) {
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidRequest(field + " '" + text + "' is not a date (YYYY-MM-DD)");
        }
    }
}
