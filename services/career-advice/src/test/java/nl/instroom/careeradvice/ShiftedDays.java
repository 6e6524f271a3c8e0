package nl.instroom.careeradvice;

import nl.instroom.testing.ShiftableClock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The service's clock as a {@link ShiftableClock}, for tests that move time on (retention, months, school years).
 * Imported by each such test with the same database, so that they share one application context.
 */
@TestConfiguration
public class ShiftedDays {

    @Bean
    ShiftableClock clock() {
        return new ShiftableClock();
    }
}
