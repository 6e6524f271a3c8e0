package nl.instroom.needmapping.school.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import nl.instroom.chassis.security.CurrentUser;
import nl.instroom.events.Sector;
import nl.instroom.needmapping.school.application.SchoolImport;
import nl.instroom.needmapping.school.application.SchoolQueries;
import nl.instroom.needmapping.school.domain.School;
import nl.instroom.needmapping.school.domain.SchoolFacts;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/schools")
class SchoolController {

    record SchoolView(String vestigingscode, String name, Sector sector, String municipality,
            String municipalityCode, String postcode, double latitude, double longitude, Integer pupils, String region,
            long revision) {

        static SchoolView of(School school) {
            SchoolFacts facts = school.facts();
            return new SchoolView(facts.vestigingscode(), facts.name(), facts.sector(), facts.municipality(),
                    facts.municipalityCode(), facts.postcode(), facts.latitude(), facts.longitude(), facts.pupils(),
                    facts.region(), school.revision());
        }
    }

    private final SchoolImport schoolImport;
    private final SchoolQueries queries;

    SchoolController(SchoolImport schoolImport, SchoolQueries queries) {
        this.schoolImport = schoolImport;
        this.queries = queries;
    }

    /** Imports DUO's school locations as GeoJSON (the request body); an upsert by vestigingscode. */
    @PostMapping(path = "/import", consumes = {"application/geo+json", "application/json"})
    SchoolImport.ImportResult importSchools(InputStream geoJson) throws IOException {
        return schoolImport.importGeoJson(geoJson, CurrentUser.get());
    }

    @GetMapping("/{code}")
    SchoolView get(@PathVariable String code) {
        return SchoolView.of(queries.get(code, CurrentUser.get()));
    }

    @GetMapping
    List<SchoolView> list(@RequestParam(required = false) @Size(max = 40) String region,
            @RequestParam(required = false) @Size(max = 60) String municipality,
            @RequestParam(required = false) Sector sector,
            @RequestParam(defaultValue = "500") @Min(1) @Max(2000) int limit) {
        return queries.list(region, municipality, sector, limit, CurrentUser.get()).stream().map(SchoolView::of)
                .toList();
    }
}
