package nl.instroom.needmapping.region.persistence;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.instroom.needmapping.region.domain.PostcodeAreas;
import nl.instroom.needmapping.region.domain.RegionTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;

/**
 * The reference tables, read once at start: CBS's division of municipalities into labour-market regions (what the
 * register is loaded with, {@code instroom.regions.table}) and GeoNames' PC4 table with its supplement (how a school
 * without a municipality code gets one). Both ship in the jar with their attribution (resources/regions/README.md).
 */
@Configuration
class ReferenceTables {

    private static final Logger log = LoggerFactory.getLogger(ReferenceTables.class);
    private static final String CBS_HEADER = "gemeentecode;gemeente;arbeidsmarktregiocode;arbeidsmarktregio";

    @Bean
    RegionTable regionTable(@Value("${instroom.regions.table:classpath:regions/gemeente-arbeidsmarktregio-2026.csv}")
            Resource table, @Value("${instroom.regions.table-valid-from:2024-01-01}") LocalDate validFrom) {
        List<String> lines = lines(table);
        if (lines.isEmpty() || !lines.get(0).replace("\uFEFF", "").equals(CBS_HEADER)) {
            throw new IllegalStateException(table.getDescription() + " does not start with " + CBS_HEADER);
        }
        List<RegionTable.Row> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            String[] fields = lines.get(i).split(";", -1);
            if (fields.length != 4) {
                throw new IllegalStateException(table.getDescription() + " line " + (i + 1) + " has " + fields.length
                        + " fields, not 4");
            }
            rows.add(new RegionTable.Row(fields[0], fields[1], fields[2], fields[3]));
        }
        return new RegionTable(table.getDescription(), validFrom, rows);
    }

    /**
     * GeoNames' rows (country, PC4, place, province, province code, municipality, municipality number, -, -,
     * latitude, longitude), with the supplement's code instead for the PC4s it names (GeoNames gives some none).
     */
    @Bean
    PostcodeAreas postcodeAreas(@Value("${instroom.regions.pc4-table:classpath:regions/geonames-nl-pc4.tsv}")
            Resource geonames, @Value("${instroom.regions.pc4-supplement:classpath:regions/"
                    + "pc4-municipality-supplement.csv}") Resource supplement) {
        Map<String, String> supplemented = new HashMap<>();
        List<String> supplementLines = lines(supplement);
        for (String line : supplementLines.subList(1, supplementLines.size())) {
            if (!line.isBlank()) {
                String[] fields = line.split(";", -1);
                supplemented.put(fields[0].trim(), fields[1].trim());
            }
        }
        List<PostcodeAreas.Area> areas = new ArrayList<>();
        int withoutCode = 0;
        for (String line : lines(geonames)) {
            String[] fields = line.split("\t", -1);
            if (fields.length < 11 || !"NL".equals(fields[0])) {
                continue;
            }
            String pc4 = fields[1].trim();
            String code = supplemented.getOrDefault(pc4, fields[6].trim());
            if (code.isEmpty()) {
                withoutCode++;
                continue;
            }
            areas.add(new PostcodeAreas.Area(pc4, code, Double.parseDouble(fields[9]), Double.parseDouble(fields[10])));
        }
        if (withoutCode > 0) {
            log.warn("{} rows of {} have no municipality code and are not in the supplement: schools in those "
                    + "PC4s need a gemeentecode in the import", withoutCode, geonames.getDescription());
        }
        return PostcodeAreas.of(areas);
    }

    private static List<String> lines(Resource resource) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(resource.getInputStream(),
                StandardCharsets.UTF_8))) {
            return reader.lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource.getDescription(), e);
        }
    }
}
