package nl.instroom.chassis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.util.List;
import nl.instroom.chassis.privacy.PersonalDataEraser;
import nl.instroom.chassis.testapp.ChassisTestApplication;
import nl.instroom.events.Topics;
import nl.instroom.events.privacy.SubjectErasureRequested;
import nl.instroom.events.privacy.SubjectKind;
import nl.instroom.testing.EventProducer;
import nl.instroom.testing.InstroomInfrastructure;
import nl.instroom.testing.TestInfrastructure;
import nl.instroom.testing.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.annotation.DirtiesContext;

/**
 * An erasure request, delivered twice, makes the service erase what it holds about the person and answer once,
 * naming how many records it erased; afterwards the store holds nothing of the person.
 */
@InstroomInfrastructure
@SpringBootTest(classes = {ChassisTestApplication.class, ErasureResponderIT.PeopleEraser.class}, properties = {
        "spring.cloud.function.definition=vacancyEvents;erasureEvents",
        "spring.cloud.stream.bindings.vacancyEvents-in-0.group=chassis-erasure",
        "spring.cloud.stream.bindings.erasureEvents-in-0.group=chassis-erasure",
        "spring.mongodb.database=chassis-erasure"})
@DirtiesContext
class ErasureResponderIT {

    /** The test service holds people in a collection; erasing removes theirs. */
    @TestConfiguration
    static class PeopleEraser {

        @Bean
        PersonalDataEraser people(MongoTemplate mongo) {
            return (kind, ref) -> (int) mongo.remove(Query.query(Criteria.where("ref").is(ref)), "people")
                    .getDeletedCount();
        }
    }

    @Autowired
    MongoTemplate mongo;

    @Test
    void aRepeatedRequestErasesThePersonAndIsAnsweredOnce(TestInfrastructure infrastructure) {
        mongo.insert(new Document("ref", "tutor-9").append("name", "Sanne"), "people");
        mongo.insert(new Document("ref", "tutor-9").append("note", "tutored maths"), "people");
        mongo.insert(new Document("ref", "tutor-10").append("name", "Daan"), "people");
        try (EventProducer identity = EventProducer.as("identity", infrastructure);
                TopicProbe erasureTopic = TopicProbe.on(infrastructure, Topics.ERASURE_ANSWERS)) {
            identity.publish(new SubjectErasureRequested("erase-9", SubjectKind.TUTOR, "tutor-9"), "request-9");
            identity.publish(new SubjectErasureRequested("erase-9", SubjectKind.TUTOR, "tutor-9"), "request-9");

            ConsumerRecord<String, byte[]> answer = erasureTopic.awaitRecord(record -> isAnswerTo(record, "erase-9"));
            assertThat(new String(answer.value(), StandardCharsets.UTF_8))
                    .contains("\"service\":\"chassis-test\"").contains("\"recordsErased\":2")
                    .doesNotContain("tutor-9");
            await().untilAsserted(() -> assertThat(erasureTopic.seen())
                    .filteredOn(record -> isAnswerTo(record, "erase-9")).hasSize(1));
        }
        List<Document> left = mongo.findAll(Document.class, "people");
        assertThat(left).extracting(document -> document.getString("ref")).containsExactly("tutor-10");
        await().untilAsserted(() -> assertThat(mongo.findById("erase-9", Document.class, "erasure_answers").toJson())
                .doesNotContain("tutor-9"));
        // Other tests of this run publish erasure requests on the same broker; this one's is answered once.
        assertThat(mongo.findAll(Document.class, "audit_log")).extracting(entry -> entry.getString("action")
                + " " + entry.getString("subjectRef")).filteredOn(entry -> !entry.contains("while-parked"))
                .containsExactly("ERASED_PERSONAL_DATA erase-9");
        assertThat(mongo.findAll(Document.class, "erasure_ledger")).isNotEmpty()
                .allSatisfy(entry -> assertThat(entry.toJson()).doesNotContain("tutor-9"));
    }

    /** Other tests of this run share the broker: only this test's request counts. */
    private static boolean isAnswerTo(ConsumerRecord<String, byte[]> record, String requestId) {
        return "nl.instroom.privacy.SubjectErased.v1".equals(TopicProbe.header(record, "ce_type"))
                && new String(record.value(), StandardCharsets.UTF_8).contains("\"requestId\":\"" + requestId + "\"");
    }
}
