package nl.instroom.needmapping;

import nl.instroom.needmapping.need.domain.NeedIndexFormula;
import nl.instroom.needmapping.need.domain.NeedWeights;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The need index formula with its weights ({@code instroom.need.weights.*}; defaults in {@link NeedWeights}). */
@Configuration
class NeedIndexSettings {

    @Bean
    NeedIndexFormula needIndexFormula(@Value("${instroom.need.weights.open-fte:1.0}") double openFte,
            @Value("${instroom.need.weights.lessons-lost:0.1}") double lessonsLost,
            @Value("${instroom.need.weights.expected-departures:0.8}") double expectedDepartures,
            @Value("${instroom.need.weights.tutoring-support:0.2}") double tutoringSupport) {
        return new NeedIndexFormula(new NeedWeights(openFte, lessonsLost, expectedDepartures, tutoringSupport));
    }
}
