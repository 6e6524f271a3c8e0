package nl.instroom.mentoring;

import nl.instroom.testing.ShiftableClock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** The one clock of every integration test of this module, which tests move on instead of waiting. */
@TestConfiguration
public class MentoringTestClock {

    @Bean
    ShiftableClock clock() {
        return new ShiftableClock();
    }
}
