package nl.instroom.mentoring;

import nl.instroom.testing.OperationalEndpointsContract;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(classes = {MentoringApplication.class, MentoringTestClock.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OperationalEndpointsIT extends OperationalEndpointsContract {
}
