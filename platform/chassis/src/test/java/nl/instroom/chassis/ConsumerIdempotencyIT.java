package nl.instroom.chassis;

import static nl.instroom.chassis.ChassisFixtures.aVacancyOpened;
import static nl.instroom.chassis.ChassisFixtures.seen;
import static nl.instroom.chassis.ChassisFixtures.thatVacancyFilled;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import nl.instroom.chassis.testapp.ChassisTestApplication;
import nl.instroom.testing.EventProducer;
import nl.instroom.testing.InstroomInfrastructure;
import nl.instroom.testing.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.annotation.DirtiesContext;

/** The same event three times, and an older revision after a newer one: exactly one effect, the stale one ignored. */
@InstroomInfrastructure
@SpringBootTest(classes = ChassisTestApplication.class, properties = {
        "spring.cloud.stream.bindings.vacancyEvents-in-0.group=chassis-idempotency",
        "spring.mongodb.database=chassis-idempotency"})
@DirtiesContext
class ConsumerIdempotencyIT {

    @Autowired
    MongoTemplate mongo;

    @Autowired
    MeterRegistry meters;

    @Test
    void aDuplicatedEventHasOneEffectAndAStaleOneNone(TestInfrastructure infrastructure) {
        double ignoredBefore = ignored();
        try (EventProducer needMapping = EventProducer.as("need-mapping", infrastructure)) {
            needMapping.publish(thatVacancyFilled("v-dup"), "filled-once");
            needMapping.publish(thatVacancyFilled("v-dup"), "filled-once");
            needMapping.publish(thatVacancyFilled("v-dup"), "filled-once");
            needMapping.publish(aVacancyOpened("v-dup"));

            await().atMost(Duration.ofSeconds(30)).until(() -> ignored() - ignoredBefore >= 3);
        }

        assertThat(seen(mongo, "v-dup"))
                .containsEntry("applied", 1)
                .containsEntry("revision", 2L)
                .containsEntry("open", false);
    }

    private double ignored() {
        return meters.find("instroom.events.consumed").tag("outcome", "ignored").counters().stream()
                .mapToDouble(counter -> counter.count()).sum();
    }
}
