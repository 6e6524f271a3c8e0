package nl.instroom.stayinterviews;

import java.math.BigDecimal;
import nl.instroom.stayinterviews.risk.domain.RetentionModel;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The retention model's probabilities per band ({@code instroom.stay.probability.*}; docs/stay-interviews.md). */
@Configuration
class StaySettings {

    @Bean
    RetentionModel retentionModel(@Value("${instroom.stay.probability.high:0.5}") BigDecimal high,
            @Value("${instroom.stay.probability.medium:0.2}") BigDecimal medium,
            @Value("${instroom.stay.probability.low:0.05}") BigDecimal low) {
        return new RetentionModel(high, medium, low);
    }
}
