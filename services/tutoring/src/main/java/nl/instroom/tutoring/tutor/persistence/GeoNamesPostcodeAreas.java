package nl.instroom.tutoring.tutor.persistence;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import nl.instroom.tutoring.tutor.domain.PostcodeAreas;
import org.springframework.stereotype.Component;

/** PC4 centroids from the shipped GeoNames file (CC BY 4.0, see reference/README.md), read once at start. */
@Component
class GeoNamesPostcodeAreas implements PostcodeAreas {

    private final Map<String, double[]> centroids = new HashMap<>();

    GeoNamesPostcodeAreas() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                getClass().getResourceAsStream("/reference/geonames-nl-pc4.tsv"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                String[] fields = line.split("\t", -1);
                if (fields.length > 10 && !fields[9].isBlank()) {
                    centroids.put(fields[1], new double[] {Double.parseDouble(fields[9]),
                        Double.parseDouble(fields[10])});
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Optional<double[]> centroid(String pc4) {
        return Optional.ofNullable(centroids.get(pc4)).map(double[]::clone);
    }
}
