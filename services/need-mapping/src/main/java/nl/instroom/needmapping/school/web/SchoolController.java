package nl.instroom.needmapping.school.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.InputStream;
import java.time.DayOfWeek;
import java.util.List;
import java.util.Set;
import nl.instroom.chassis.security.CurrentUser;
import nl.instroom.events.Sector;
import nl.instroom.needmapping.school.application.SchoolImport;
import nl.instroom.needmapping.school.application.SchoolQueries;
import nl.instroom.needmapping.school.application.TutoringHostingSettings;
import nl.instroom.needmapping.school.domain.School;
import nl.instroom.needmapping.school.domain.SchoolFacts;
import nl.instroom.needmapping.school.domain.TutoringHosting;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/schools")
class SchoolController {

    /**
     * @param tutoringDays  weekdays on which the school hosts tutors; null when it never said (every weekday)
     * @param tutorCapacity tutors it hosts at once; null when it never said (tutoring's default)
     */
    record SchoolView(String vestigingscode, String name, Sector sector, String municipality,
            String municipalityCode, String postcode, double latitude, double longitude, Integer pupils, String region,
            List<DayOfWeek> tutoringDays, Integer tutorCapacity, long revision) {

        static SchoolView of(School school) {
            SchoolFacts facts = school.facts();
            TutoringHosting hosting = school.hosting().orElse(null);
            return new SchoolView(facts.vestigingscode(), facts.name(), facts.sector(), facts.municipality(),
                    facts.municipalityCode(), facts.postcode(), facts.latitude(), facts.longitude(), facts.pupils(),
                    facts.region(), hosting == null ? null : hosting.daysInOrder(),
                    hosting == null ? null : hosting.capacity(), school.revision());
        }
    }

    /** On which weekdays (Monday to Friday) and how many tutors at once the school hosts. */
    record TutoringHostingRequest(@NotEmpty @Size(max = 5) Set<@NotNull DayOfWeek> weekdays,
            @NotNull @Min(1) @Max(TutoringHosting.MOST_TUTORS) Integer capacity) {
    }

    private final SchoolImport schoolImport;
    private final SchoolQueries queries;
    private final TutoringHostingSettings hostingSettings;

    SchoolController(SchoolImport schoolImport, SchoolQueries queries, TutoringHostingSettings hostingSettings) {
        this.schoolImport = schoolImport;
        this.queries = queries;
        this.hostingSettings = hostingSettings;
    }

    /**
     * The school's HR (or a coordinator of its region) sets on which weekdays and how many tutors it hosts; the
     * school's {@code SchoolUpdated} carries it to tutoring. Setting the same again changes nothing.
     */
    @PutMapping("/{code}/tutoring-hosting")
    SchoolView setTutoringHosting(@PathVariable @Size(max = 12) String code,
            @Valid @RequestBody TutoringHostingRequest request) {
        return SchoolView.of(hostingSettings.set(code, request.weekdays(), request.capacity(), CurrentUser.get()));
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
