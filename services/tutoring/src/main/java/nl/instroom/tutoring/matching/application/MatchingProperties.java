package nl.instroom.tutoring.matching.application;

import nl.instroom.tutoring.matching.domain.MatchingWeights;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The objective's weights ({@code instroom.matching.*}); every run stores the weights it used, so changing them
 * never changes the meaning of an old run.
 */
@ConfigurationProperties("instroom.matching")
public record MatchingProperties(Integer hoursPerPlacement, Double travelPointsPerKm, Double schoolFairnessStep,
        Double tutorFairnessStep, Integer schoolCapacity) {

    public MatchingWeights weights() {
        MatchingWeights d = MatchingWeights.DEFAULTS;
        return new MatchingWeights(hoursPerPlacement == null ? d.hoursPerPlacement() : hoursPerPlacement,
                travelPointsPerKm == null ? d.travelPointsPerKm() : travelPointsPerKm,
                schoolFairnessStep == null ? d.schoolFairnessStep() : schoolFairnessStep,
                tutorFairnessStep == null ? d.tutorFairnessStep() : tutorFairnessStep,
                schoolCapacity == null ? d.schoolCapacity() : schoolCapacity);
    }
}
