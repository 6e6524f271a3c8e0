package nl.instroom.tutoring.tutor.domain;

import java.util.Optional;

/** The centroids of Dutch 4-digit postcode areas, for distances without addresses. */
public interface PostcodeAreas {

    /** The area's centre as {latitude, longitude}, or empty for a PC4 that does not exist. */
    Optional<double[]> centroid(String pc4);
}
