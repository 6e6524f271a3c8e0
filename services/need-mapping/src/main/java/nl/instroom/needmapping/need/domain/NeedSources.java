package nl.instroom.needmapping.need.domain;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Where the formula's inputs come from: the service's schools, vacancies, reports and received signals. */
public interface NeedSources {

    /** The inputs of those of these schools that are registered, by school code. */
    Map<String, NeedInputs> inputsOf(Collection<String> schoolCodes);

    /**
     * The median known pupil count of each of these regions' schools ({@link NeedIndexFormula#medianKnownPupils}),
     * as last {@linkplain #refreshMedianPupils refreshed}: a region never refreshed is counted now.
     */
    Map<String, Double> medianPupils(Collection<String> regions);

    /**
     * Counts these regions' medians again from their schools and keeps them, for every instance to read; all regions
     * when the collection is empty. Called when a region's schools changed, before its schools are scored again.
     * Answers the regions counted.
     */
    java.util.Set<String> refreshMedianPupils(Collection<String> regions);

    /** The codes of every registered school of the region. */
    List<String> schoolsOf(String region);

    /** The codes of every registered school. */
    List<String> allSchools();

    /** The codes of the schools with open vacancies: their scores age with the vacancies. */
    List<String> schoolsWithOpenVacancies();
}
