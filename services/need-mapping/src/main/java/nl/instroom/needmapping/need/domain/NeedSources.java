package nl.instroom.needmapping.need.domain;

import java.util.List;
import java.util.Optional;

/** Where the formula's inputs come from: the service's schools, vacancies, reports and received signals. */
public interface NeedSources {

    /** The inputs of every registered school of the region. */
    List<NeedInputs> inputsOfRegion(String region);

    /** Every region that has registered schools. */
    List<String> regions();

    /** The region of a registered school. */
    Optional<String> regionOf(String schoolCode);
}
