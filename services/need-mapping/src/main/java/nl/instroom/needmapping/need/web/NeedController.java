package nl.instroom.needmapping.need.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Optional;
import nl.instroom.chassis.refusal.InvalidRequest;
import nl.instroom.chassis.security.CurrentUser;
import nl.instroom.events.Sector;
import nl.instroom.needmapping.need.application.NationalPicture;
import nl.instroom.needmapping.need.application.NeedQueries;
import nl.instroom.needmapping.need.application.UnfilledLessons;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

@RestController
class NeedController {

    record UnfilledLessonsReport(@NotNull @DecimalMin("0") @DecimalMax("2000") Double hoursPerWeek) {
    }

    private final NeedQueries queries;
    private final NationalPicture national;
    private final UnfilledLessons unfilledLessons;
    private final RenderedRankings rendered;
    private final JsonMapper json;

    NeedController(NeedQueries queries, NationalPicture national, UnfilledLessons unfilledLessons,
            RenderedRankings rendered, JsonMapper json) {
        this.queries = queries;
        this.national = national;
        this.unfilledLessons = unfilledLessons;
        this.rendered = rendered;
        this.json = json;
    }

    /**
     * Schools by need, highest first, each with the components that make its score; {@code withNeed=true} leaves out
     * schools without need, {@code offset} and {@code limit} page (a school's rank counts from the first page).
     */
    @GetMapping("/api/need/ranking")
    ResponseEntity<byte[]> ranking(@RequestParam(required = false) @Size(max = 40) String region,
            @RequestParam(required = false) Sector sector,
            @RequestParam(required = false) @Size(max = 80) String subject,
            @RequestParam(required = false) @Size(max = 60) String municipality,
            @RequestParam(required = false) @DecimalMin("50.7") @DecimalMax("53.6") Double latitude,
            @RequestParam(required = false) @DecimalMin("3.3") @DecimalMax("7.3") Double longitude,
            @RequestParam(required = false) @DecimalMin("0.1") @DecimalMax("300") Double radiusKm,
            @RequestParam(defaultValue = "false") boolean withNeed,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int offset,
            @RequestParam(defaultValue = "50") @Min(1) @Max(1000) int limit) {
        if (radiusKm != null && (latitude == null || longitude == null)) {
            throw new InvalidRequest("A radius needs a latitude and a longitude");
        }
        NeedQueries.RankingFilter filter = new NeedQueries.RankingFilter(region, sector, subject,
                municipality == null ? null : municipality.toUpperCase(java.util.Locale.ROOT), latitude, longitude,
                radiusKm, withNeed, offset, limit);
        CurrentUser user = CurrentUser.get();
        // A page of the ranking kept in rank order is rendered once per aggregation of its region (RenderedRankings).
        Optional<NeedQueries.RankingVersion> known = limit > RenderedRankings.MAX_SCHOOLS ? Optional.empty()
                : queries.rankingVersion(filter, user);
        byte[] body = rendered.page(known, withNeed, offset, limit, () -> {
            NeedQueries.Ranking ranking = queries.ranking(filter, user);
            return new RenderedRankings.Rendered(json.writeValueAsBytes(ranking.schools()), ranking.madeFrom());
        });
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }

    @GetMapping("/api/need/schools/{code}")
    NeedQueries.CurrentNeed schoolNeed(@PathVariable String code) {
        return queries.current(code, CurrentUser.get());
    }

    @GetMapping("/api/need/schools/{code}/history")
    List<NeedQueries.HistoryPoint> history(@PathVariable String code,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return queries.history(code, limit, CurrentUser.get());
    }

    @GetMapping("/api/need/summary")
    NeedQueries.RegionSummary summary(@RequestParam(required = false) @Size(max = 40) String region) {
        return queries.summary(region, CurrentUser.get());
    }

    /** Every region side by side on a scale comparable between regions: aggregates only, read-only. */
    @GetMapping("/api/need/national")
    NationalPicture.National national() {
        return national.picture(CurrentUser.get());
    }

    /** Lesuitval: lesson hours per week a school cannot give for lack of staff. */
    @PutMapping("/api/schools/{code}/unfilled-lessons")
    ResponseEntity<Void> reportUnfilledLessons(@PathVariable String code,
            @Valid @RequestBody UnfilledLessonsReport report) {
        unfilledLessons.report(code, report.hoursPerWeek(), CurrentUser.get());
        return ResponseEntity.noContent().build();
    }
}
