package nl.instroom.tutoring.tutor.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import nl.instroom.events.Topics;
import nl.instroom.events.privacy.SubjectErasureRequested;
import nl.instroom.events.privacy.SubjectKind;
import nl.instroom.testing.ApiClient;
import nl.instroom.testing.EventProducer;
import nl.instroom.testing.InstroomInfrastructure;
import nl.instroom.testing.TestInfrastructure;
import nl.instroom.testing.TestTokens;
import nl.instroom.testing.TopicProbe;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A coordinator registers pupils as tutors: the event names no person, a tutor under 16 may be placed only with a
 * parent's consent, other regions see nothing, bad input stores nothing, and an erasure request forgets the tutor.
 */
@InstroomInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.mongodb.database=tutoring-tutors"})
class TutorRegistrationIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    RestClient coordinator;

    @BeforeEach
    void client() {
        coordinator = ApiClient.as(TestTokens.instance().coordinator(), port);
    }

    private static String aPupil(String name, int years) {
        return """
                {"name":"%s","schoolAttended":"Thomas a Kempis","schoolYear":4,"dateOfBirth":"%s",
                 "subjects":[{"subject":"Wiskunde","level":"havo"}],"hoursPerWeek":3,"weekdays":["WEDNESDAY"],
                 "pc4":"8011","maxTravelKm":10}""".formatted(name, LocalDate.now().minusYears(years).minusDays(30));
    }

    private JsonNode register(String body) {
        var response = coordinator.post().uri("/api/tutors").contentType(MediaType.APPLICATION_JSON).body(body)
                .retrieve().toEntity(String.class);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(201);
        return JSON.readTree(response.getBody());
    }

    @Test
    void theEventOfARegistrationNamesNoPerson(TestInfrastructure infrastructure) {
        try (TopicProbe placements = TopicProbe.on(infrastructure, Topics.PLACEMENTS)) {
            String id = register(aPupil("Sanne de Vries", 17)).get("id").asString();

            var record = placements.awaitRecord(TopicProbe.withKey(id));

            String data = new String(record.value(), StandardCharsets.UTF_8);
            assertThat(TopicProbe.header(record, "ce_type")).isEqualTo("nl.instroom.tutoring.TutorRegistered.v1");
            assertThat(data).contains("\"pc4\":\"8011\"").contains("wiskunde")
                    .doesNotContain("Sanne").doesNotContain("Vries").doesNotContain("dateOfBirth")
                    .doesNotContain("Kempis");
        }
    }

    @Test
    void aTutorUnderSixteenMayBePlacedOnlyWithAParentsConsent() {
        JsonNode fifteen = register(aPupil("Daan Jansen", 15));
        String id = fifteen.get("id").asString();
        assertThat(fifteen.get("needsParentalConsent").asBoolean()).isTrue();
        assertThat(fifteen.get("mayBePlaced").asBoolean()).isFalse();

        JsonNode consented = coordinator.put().uri("/api/tutors/{id}/parental-consent", id)
                .contentType(MediaType.APPLICATION_JSON).body("{\"givenOn\":\"" + LocalDate.now() + "\"}")
                .retrieve().body(JsonNode.class);
        assertThat(consented.get("mayBePlaced").asBoolean()).isTrue();

        JsonNode withdrawn = coordinator.delete().uri("/api/tutors/{id}/parental-consent", id).retrieve()
                .body(JsonNode.class);
        assertThat(withdrawn.get("mayBePlaced").asBoolean()).isFalse();
        assertThat(mongo.findAll(Document.class, "audit_log")).extracting(entry -> entry.getString("action"))
                .contains("REGISTERED_TUTOR", "RECORDED_PARENTAL_CONSENT", "WITHDREW_PARENTAL_CONSENT");
    }

    @Test
    void anotherRegionsCoordinatorDoesNotSeeTheTutor() {
        String id = register(aPupil("Noor Bakker", 16)).get("id").asString();
        RestClient elsewhere = ApiClient.as(TestTokens.instance().token("coordinator-almere", List.of("COORDINATOR"),
                "ALMERE", null), port);

        assertThat(elsewhere.get().uri("/api/tutors/{id}", id).retrieve().toEntity(String.class)
                .getStatusCode().value()).isEqualTo(404);
        assertThat(ApiClient.as(TestTokens.instance().scout(), port).get().uri("/api/tutors/{id}", id).retrieve()
                .toEntity(String.class).getStatusCode().value()).as("scouts see pseudonyms, not pupils").isEqualTo(403);
    }

    @Test
    void aCoordinatorListsTheOwnRegionsTutorsByNameAPageAtATimeEachReadAudited() {
        RestClient deventer = ApiClient.as(TestTokens.instance().token("coordinator-deventer", List.of("COORDINATOR"),
                "AM06", null), port);
        List<String> ids = new java.util.ArrayList<>();
        for (String name : List.of("Zoë Mulder", "Anouk Smit", "Mees de Boer")) {
            var registered = deventer.post().uri("/api/tutors").contentType(MediaType.APPLICATION_JSON)
                    .body(aPupil(name, 17)).retrieve().toEntity(String.class);
            assertThat(registered.getStatusCode().value()).as(registered.getBody()).isEqualTo(201);
            ids.add(JSON.readTree(registered.getBody()).get("id").asString());
        }

        JsonNode firstPage = JSON.readTree(deventer.get().uri("/api/tutors?limit=2").retrieve().body(String.class));
        JsonNode secondPage = JSON.readTree(deventer.get().uri("/api/tutors?offset=2&limit=2").retrieve()
                .body(String.class));

        assertThat(firstPage.valueStream().map(t -> t.get("name").asString()).toList())
                .containsExactly("Anouk Smit", "Mees de Boer");
        assertThat(secondPage.valueStream().map(t -> t.get("name").asString()).toList()).containsExactly("Zoë Mulder");
        assertThat(firstPage.get(0).has("dateOfBirth")).as("the list is not the whole record").isFalse();
        assertThat(firstPage.get(0).get("mayBePlaced").asBoolean()).isTrue();
        assertThat(coordinator.get().uri("/api/tutors?limit=200").retrieve().body(String.class))
                .as("another region's list").doesNotContain("AM06").doesNotContain(ids.get(0));
        List<Document> listed = mongo.findAll(Document.class, "audit_log").stream()
                .filter(e -> "LISTED_TUTOR".equals(e.getString("action"))).toList();
        assertThat(listed).extracting(e -> e.getString("subjectRef")).as("one entry per pupil shown").containsAll(ids);
        assertThat(listed).extracting(e -> e.getString("actor")).as("who looked").doesNotContainNull().doesNotContain("system");
        var tooMany = deventer.get().uri("/api/tutors?limit=5000").retrieve().toEntity(String.class);
        assertThat(tooMany.getStatusCode().value()).isEqualTo(400);
        assertThat(tooMany.getHeaders().getContentType()).hasToString("application/problem+json");
    }

    @Test
    void badInputIsAProblemAndStoresNothing() {
        long before = mongo.count(new Query(), "tutors");

        var noAddress = coordinator.post().uri("/api/tutors").contentType(MediaType.APPLICATION_JSON)
                .body(aPupil("Eva", 15).replace("\"8011\"", "\"8011 AB\"")).retrieve().toEntity(String.class);
        var unknownArea = coordinator.post().uri("/api/tutors").contentType(MediaType.APPLICATION_JSON)
                .body(aPupil("Eva", 15).replace("\"8011\"", "\"1000\"")).retrieve().toEntity(String.class);
        var tooYoung = coordinator.post().uri("/api/tutors").contentType(MediaType.APPLICATION_JSON)
                .body(aPupil("Eva", 9)).retrieve().toEntity(String.class);

        assertThat(noAddress.getStatusCode().value()).isEqualTo(400);
        assertThat(noAddress.getBody()).contains("pc4");
        assertThat(unknownArea.getStatusCode().value()).isEqualTo(400);
        assertThat(tooYoung.getStatusCode().value()).isEqualTo(400);
        assertThat(mongo.count(new Query(), "tutors")).isEqualTo(before);
    }

    @Test
    void anErasureRequestForgetsTheTutor(TestInfrastructure infrastructure) {
        String id = register(aPupil("Lotte Visser", 15)).get("id").asString();
        try (EventProducer identity = EventProducer.as("identity", infrastructure);
                TopicProbe erasure = TopicProbe.on(infrastructure, Topics.ERASURE_ANSWERS)) {
            String requestId = java.util.UUID.randomUUID().toString();
            identity.publish(new SubjectErasureRequested(requestId, SubjectKind.TUTOR, id));

            var answer = erasure.awaitRecord(record -> requestId.equals(record.key())
                    && "nl.instroom.privacy.SubjectErased.v1".equals(TopicProbe.header(record, "ce_type")));

            assertThat(new String(answer.value(), StandardCharsets.UTF_8)).contains("\"recordsErased\":1");
        }
        await().untilAsserted(() -> assertThat(mongo.findById(id, Document.class, "tutors")).isNull());
        await("the answer left the outbox; nothing of the tutor remains").untilAsserted(() -> {
            for (String collection : mongo.getCollectionNames()) {
                assertThat(mongo.findAll(Document.class, collection)).as("no trace of the tutor in " + collection)
                        .noneMatch(document -> document.toJson().contains(id) || document.toJson().contains("Lotte"));
            }
        });
        assertThat(coordinator.get().uri("/api/tutors/{id}", id).retrieve().toEntity(String.class)
                .getStatusCode().value()).isEqualTo(404);
    }
}
