package nl.instroom.needmapping.region.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A published division of the country into labour-market regions (CBS's table "Gebieden in Nederland"), which the
 * register is loaded with: each municipality with its region, valid from a day.
 */
public record RegionTable(String source, LocalDate validFrom, List<Row> rows) {

    /** One municipality of the table with its region, both by code and by CBS's name. */
    public record Row(String municipalityCode, String municipalityName, String regionCode, String regionName) {

        public Row {
            municipalityCode = CbsCodes.municipality(municipalityCode);
            regionCode = CbsCodes.region(regionCode);
        }
    }

    public RegionTable {
        Objects.requireNonNull(validFrom, "validFrom");
        rows = List.copyOf(rows);
    }
}
