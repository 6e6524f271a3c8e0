package nl.instroom.portal.maps;

import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The boundaries as GeoJSON for the portal's own map script. Open data, so any signed-in person may fetch any
 * region; a map fetches only its own. The browser may keep an answer for a day: the files change only with a new
 * portal version.
 */
@RestController
class BoundaryEndpoints {

    static final MediaType GEO_JSON = MediaType.parseMediaType("application/geo+json");
    private static final CacheControl A_DAY = CacheControl.maxAge(Duration.ofDays(1)).cachePrivate();

    private final Boundaries boundaries;

    BoundaryEndpoints(Boundaries boundaries) {
        this.boundaries = boundaries;
    }

    @GetMapping("/maps/boundaries/regions")
    ResponseEntity<byte[]> regions() {
        return ResponseEntity.ok().contentType(GEO_JSON).cacheControl(A_DAY).body(boundaries.regions());
    }

    @GetMapping("/maps/boundaries/regions/{code}")
    ResponseEntity<byte[]> region(@PathVariable String code) {
        return boundaries.region(code)
                .map(body -> ResponseEntity.ok().contentType(GEO_JSON).cacheControl(A_DAY).body(body))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }
}
