package nl.instroom.needmapping.region.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import nl.instroom.chassis.refusal.ChangedMeanwhile;
import nl.instroom.chassis.refusal.InvalidRequest;
import nl.instroom.chassis.web.NotFoundException;
import nl.instroom.needmapping.region.domain.CbsCodes;
import nl.instroom.needmapping.region.domain.Municipality;
import nl.instroom.needmapping.region.domain.MunicipalityRegions;
import nl.instroom.needmapping.region.domain.PostcodeAreas;
import nl.instroom.needmapping.region.domain.Region;
import nl.instroom.needmapping.region.domain.RegionRegister;
import nl.instroom.needmapping.region.domain.RegionTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;

/**
 * The register of labour-market regions. Loaded from CBS's table on the first start (and topped up with what a newer
 * table adds); from then on it is data an admin changes: a region added or renamed, a municipality moved to another
 * region from a day on. Every school takes its region from here, joined on the municipality's CBS code.
 */
@Service
public class Regions {

    /** Where a school lies: its municipality by CBS code and that municipality's region. */
    public record Located(String municipalityCode, String region) {
    }

    /** A municipality after an admin's assignment, and whether it changed anything. */
    public record Assigned(Municipality municipality, boolean changed) {
    }

    private static final Logger log = LoggerFactory.getLogger(Regions.class);

    private final RegionRegister register;
    private final RegionTable table;
    private final PostcodeAreas postcodes;
    private final Clock clock;
    private volatile boolean loaded;

    Regions(RegionRegister register, RegionTable table, PostcodeAreas postcodes, Clock clock) {
        this.register = register;
        this.table = table;
        this.postcodes = postcodes;
        this.clock = clock;
    }

    /** Loads the register before anything else asks for it; a store not yet reachable is tried again on use. */
    @EventListener(ApplicationReadyEvent.class)
    @Order(0)
    void loadAtStart() {
        try {
            ensureLoaded();
        } catch (RuntimeException e) {
            log.warn("Region register not loaded at start, will load on first use: {}", e.getMessage());
        }
    }

    /**
     * Adds the table's regions and municipalities the register does not have yet; never changes one it has, so an
     * admin's changes stand. Several instances may do this at once: a municipality another one added first is
     * left as it is.
     */
    public void ensureLoaded() {
        if (loaded) {
            return;
        }
        synchronized (this) {
            if (loaded) {
                return;
            }
            Set<String> regions = register.regions().stream().map(Region::code).collect(Collectors.toSet());
            Set<String> municipalities = register.municipalities().stream().map(Municipality::code)
                    .collect(Collectors.toCollection(HashSet::new));
            int addedRegions = 0;
            int addedMunicipalities = 0;
            for (RegionTable.Row row : table.rows()) {
                if (regions.add(row.regionCode())) {
                    register.save(new Region(row.regionCode(), row.regionName()));
                    addedRegions++;
                }
                if (municipalities.add(row.municipalityCode())) {
                    try {
                        register.save(Municipality.establish(row.municipalityCode(), row.municipalityName(),
                                row.regionCode(), table.validFrom()));
                        addedMunicipalities++;
                    } catch (ChangedMeanwhile addedByAnotherInstance) {
                        // the same row, added by another instance at the same moment
                    }
                }
            }
            if (addedRegions + addedMunicipalities > 0) {
                log.info("Region register loaded from {}: {} regions and {} municipalities added", table.source(),
                        addedRegions, addedMunicipalities);
            }
            Set<String> unknown = new TreeSet<>(postcodes.municipalityCodes());
            unknown.removeAll(municipalities);
            if (!unknown.isEmpty()) {
                log.warn("The PC4 table names {} municipality codes the register does not know ({}): schools there "
                        + "need a gemeentecode in the import until the register or the PC4 supplement has them",
                        unknown.size(), unknown);
            }
            loaded = true;
        }
    }

    public List<Region> regions() {
        ensureLoaded();
        return register.regions();
    }

    public Region region(String code) {
        ensureLoaded();
        return register.region(canonicalRegion(code)).orElseThrow(() -> new NotFoundException("Region", code));
    }

    /** The municipalities that belong to the region on the day. */
    public List<Municipality> municipalitiesOf(String regionCode, LocalDate day) {
        String code = region(regionCode).code();
        return register.municipalities().stream().filter(m -> m.regionOn(day).equals(code)).toList();
    }

    /** How many municipalities each region has on the day. */
    public Map<String, Long> municipalitiesPerRegion(LocalDate day) {
        ensureLoaded();
        return register.municipalities().stream()
                .collect(Collectors.groupingBy(m -> m.regionOn(day), Collectors.counting()));
    }

    public Municipality municipality(String code) {
        ensureLoaded();
        return register.municipality(canonicalMunicipality(code))
                .orElseThrow(() -> new NotFoundException("Municipality", code));
    }

    /** The register as it is today. */
    public MunicipalityRegions today() {
        return on(LocalDate.now(clock));
    }

    public MunicipalityRegions on(LocalDate day) {
        ensureLoaded();
        return MunicipalityRegions.on(day, register.municipalities());
    }

    /** Adds a region (a code CBS introduced) or renames one. */
    public Region define(String code, String name) {
        ensureLoaded();
        Region region = new Region(code, name);
        register.save(region);
        return region;
    }

    /**
     * Puts a municipality in a region from a day on (which may lie in the past or the future). Its schools follow
     * once the day has come; that is the schools' business ({@code SchoolRegions}).
     *
     * @throws NotFoundException for a municipality the register does not know
     * @throws InvalidRequest for a region the register does not know, or a day before the register's
     *     first assignment
     */
    public Assigned assign(String municipalityCode, String regionCode, LocalDate from) {
        Municipality municipality = municipality(municipalityCode);
        String region = CbsCodes.region(regionCode);
        if (register.region(region).isEmpty()) {
            throw new InvalidRequest("Region " + region + " is not in the register");
        }
        boolean changed = municipality.assign(region, from);
        if (changed) {
            register.save(municipality);
            log.info("Municipality {} assigned to region {} from {}", municipality.code(), region, from);
        }
        return new Assigned(municipality, changed);
    }

    /**
     * Places a school in its municipality and region: by the municipality code the file gives, or else by the
     * municipality of its postcode area. Never by the municipality's name.
     *
     * @throws InvalidRequest when neither gives a municipality the register knows, saying why
     */
    public Located locate(MunicipalityRegions regionsOnDay, String givenMunicipalityCode, String postcode,
            double latitude, double longitude) {
        boolean given = givenMunicipalityCode != null && !givenMunicipalityCode.isBlank();
        String municipality = given ? CbsCodes.municipality(givenMunicipalityCode)
                : postcodes.municipalityOf(postcode, latitude, longitude).orElseThrow(() ->
                        new InvalidRequest("no gemeentecode, and the postcode area " + pc4(postcode)
                                + " is not known: give the school's gemeentecode"));
        String region = regionsOnDay.regionOf(municipality).orElseThrow(() -> new InvalidRequest(
                "municipality " + municipality + (given ? "" : " (of postcode area " + pc4(postcode) + ")")
                        + " is not in the region register"));
        return new Located(municipality, region);
    }

    private static String pc4(String postcode) {
        return postcode == null ? "(none)" : postcode.substring(0, Math.min(4, postcode.length()));
    }

    private static String canonicalRegion(String code) {
        try {
            return CbsCodes.region(code);
        } catch (InvalidRequest e) {
            throw new NotFoundException("Region", code);
        }
    }

    private static String canonicalMunicipality(String code) {
        try {
            return CbsCodes.municipality(code);
        } catch (InvalidRequest e) {
            throw new NotFoundException("Municipality", code);
        }
    }
}
