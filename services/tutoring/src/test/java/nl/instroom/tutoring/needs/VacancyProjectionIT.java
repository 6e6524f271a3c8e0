package nl.instroom.tutoring.needs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import nl.instroom.events.Topics;
import nl.instroom.events.needmap.Urgency;
import nl.instroom.events.needmap.VacancyFilled;
import nl.instroom.events.needmap.VacancyOpened;
import nl.instroom.testing.EventProducer;
import nl.instroom.testing.InstroomInfrastructure;
import nl.instroom.testing.TestInfrastructure;
import nl.instroom.testing.TopicProbe;
import nl.instroom.tutoring.needs.domain.OpenVacancy;
import nl.instroom.tutoring.needs.domain.VacancyNeeds;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** need-mapping's vacancy events, arriving over the real broker, land in tutoring's projection exactly once. */
@InstroomInfrastructure
@SpringBootTest
class VacancyProjectionIT {

    private static final LocalDate START = LocalDate.of(2027, 1, 1);

    @Autowired
    VacancyNeeds needs;

    private static VacancyOpened aMathsVacancyOpened(String vacancyId, String schoolCode) {
        return new VacancyOpened(vacancyId, schoolCode, "wiskunde", new BigDecimal("0.8"), 32, START, Urgency.HIGH, 1);
    }

    @Test
    void anOpenedVacancyAppearsAndDisappearsWhenFilled(TestInfrastructure infrastructure) {
        try (EventProducer needMapping = EventProducer.as("need-mapping", infrastructure)) {
            needMapping.publish(aMathsVacancyOpened("v-open-fill", "21CM00"));

            await().untilAsserted(() -> assertThat(needs.openAt("21CM00"))
                    .extracting(OpenVacancy::vacancyId).contains("v-open-fill"));

            needMapping.publish(new VacancyFilled("v-open-fill", "21CM00", "wiskunde", new BigDecimal("0.8"), START, 2));

            await().untilAsserted(() -> assertThat(needs.openAt("21CM00"))
                    .extracting(OpenVacancy::vacancyId).doesNotContain("v-open-fill"));
        }
    }

    @Test
    void aStaleOpenedAfterFilledDoesNotReopenTheVacancy(TestInfrastructure infrastructure) {
        try (EventProducer needMapping = EventProducer.as("need-mapping", infrastructure)) {
            needMapping.publish(new VacancyFilled("v-stale", "05QY01", "duits", BigDecimal.ONE, START, 2));
            needMapping.publish(aMathsVacancyOpened("v-stale", "05QY01"));
            // A marker after both: once it is applied, the two before it on the same partition were handled.
            needMapping.publish(aMathsVacancyOpened("v-stale-marker", "05QY01"));

            await().untilAsserted(() -> assertThat(needs.openAt("05QY01"))
                    .extracting(OpenVacancy::vacancyId).containsExactly("v-stale-marker"));
        }
    }

    @Test
    void garbageOnTheTopicGoesToTheDeadLetterTopicAndValidEventsBehindItAreStillApplied(
            TestInfrastructure infrastructure) {
        try (EventProducer needMapping = EventProducer.as("need-mapping", infrastructure);
                TopicProbe deadLetters = TopicProbe.on(infrastructure,
                        Topics.deadLetterTopic(Topics.VACANCIES, "tutoring"))) {
            needMapping.send(new ProducerRecord<>(Topics.VACANCIES, "21CM01",
                    "not json at all".getBytes(StandardCharsets.UTF_8)));
            needMapping.publish(aMathsVacancyOpened("v-after-garbage", "21CM01"));

            deadLetters.awaitRecord(TopicProbe.withKey("21CM01"));
            await().untilAsserted(() -> assertThat(needs.openAt("21CM01"))
                    .extracting(OpenVacancy::vacancyId).containsExactly("v-after-garbage"));
        }
    }
}
