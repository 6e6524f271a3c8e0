package nl.instroom.tutoring.placement.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import nl.instroom.events.Topics;
import nl.instroom.testing.ApiClient;
import nl.instroom.testing.InstroomInfrastructure;
import nl.instroom.testing.TestInfrastructure;
import nl.instroom.testing.TestTokens;
import nl.instroom.testing.TopicProbe;
import nl.instroom.tutoring.TutoringApplication;
import nl.instroom.tutoring.needs.domain.SchoolNeedChange;
import nl.instroom.tutoring.needs.domain.SchoolNeedViews;
import nl.instroom.tutoring.placement.domain.Placement;
import nl.instroom.tutoring.placement.domain.Placements;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * A pupil under 16: nothing about them leaves tutoring before a parent consents — no {@code TutorRegistered}, no
 * proposal — and a withdrawal ends every open placement although one of them is changed concurrently (a real
 * compare-and-set conflict) and the service crashes before it can cancel another: after a restart, the pending
 * withdrawal is finished, each placement cancelled once with its event.
 */
@InstroomInfrastructure
class ConsentWithdrawalIT {

    private static final String DATABASE = "tutoring-consent-" + System.nanoTime();

    /** Placement ids whose next save first meets a concurrent change of the stored placement. */
    static final Set<String> CONFLICT_ONCE = ConcurrentHashMap.newKeySet();
    /** Placement ids whose saves fail as if the process died before writing. */
    static final Set<String> CRASH = ConcurrentHashMap.newKeySet();

    /** The real placements, with the faults above injected in front of a save. */
    @TestConfiguration
    static class Faults {

        @Bean
        @Primary
        Placements faultyPlacements(@Qualifier("mongoPlacements") Placements real, MongoTemplate mongo) {
            return new Placements() {
                @Override
                public Optional<Placement> find(String id) {
                    return real.find(id);
                }

                @Override
                public void save(Placement placement) {
                    if (CRASH.contains(placement.id())) {
                        throw new DataAccessResourceFailureException("injected: the store went away before saving "
                                + placement.id());
                    }
                    if (CONFLICT_ONCE.remove(placement.id())) {
                        // Someone else changes the placement between our read and our write.
                        mongo.updateFirst(Query.query(Criteria.where("_id").is(placement.id())),
                                new Update().inc("revision", 1), "placements");
                    }
                    real.save(placement);
                }

                @Override
                public List<Placement> ofTutor(String tutorId) {
                    return real.ofTutor(tutorId);
                }

                @Override
                public List<Placement> atSchool(String schoolCode) {
                    return real.atSchool(schoolCode);
                }

                @Override
                public List<Placement> openInRegion(String region) {
                    return real.openInRegion(region);
                }

                @Override
                public List<String> dropEvaluationNotes(java.time.Instant completedBefore, int limit) {
                    return real.dropEvaluationNotes(completedBefore, limit);
                }

                @Override
                public int forgetTutor(String tutorId) {
                    return real.forgetTutor(tutorId);
                }
            };
        }
    }

    private ConfigurableApplicationContext service;

    private RestClient start() {
        service = new SpringApplicationBuilder(TutoringApplication.class, Faults.class)
                .run("--server.port=0", "--spring.mongodb.database=" + DATABASE,
                        "--spring.main.allow-bean-definition-overriding=true");
        int port = service.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
        // Tutoring knows the school and its region from need-mapping's events; a placement needs both.
        service.getBean(SchoolNeedViews.class).apply(List.of(new SchoolNeedChange.SchoolKnown("school-21CM00",
                "21CM00", "Celeanum", TestTokens.REGION, 52.51, 6.09, 1)));
        return ApiClient.as(TestTokens.instance().coordinator(), port);
    }

    @AfterEach
    void stop() {
        CONFLICT_ONCE.clear();
        CRASH.clear();
        if (service != null) {
            service.close();
        }
    }

    private static String aTutorAged(RestClient coordinator, int years) {
        String body = """
                {"name":"Lotte Visser","schoolAttended":"Greijdanus","schoolYear":2,"dateOfBirth":"%s",
                 "subjects":[{"subject":"wiskunde","level":"vwo"}],"hoursPerWeek":6,"weekdays":["TUESDAY"],
                 "pc4":"8012","maxTravelKm":8}""".formatted(LocalDate.now().minusYears(years).minusDays(20));
        return coordinator.post().uri("/api/tutors").contentType(MediaType.APPLICATION_JSON).body(body).retrieve()
                .body(JsonNode.class).get("id").asString();
    }

    private static String propose(RestClient coordinator, String tutorId, String subject) {
        return coordinator.post().uri("/api/placements").contentType(MediaType.APPLICATION_JSON)
                .body("{\"tutorId\":\"" + tutorId + "\",\"schoolCode\":\"21CM00\",\"subject\":\"" + subject + "\","
                        + "\"hoursPerWeek\":2}").retrieve().body(JsonNode.class).get("id").asString();
    }

    private static int post(RestClient client, String path) {
        return post(client, path, "{}");
    }

    private static int post(RestClient client, String path, String body) {
        return client.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body).retrieve()
                .toEntity(String.class).getStatusCode().value();
    }

    private static String status(RestClient coordinator, String placement) {
        return coordinator.get().uri("/api/placements/{id}", placement).retrieve().body(JsonNode.class)
                .get("status").asString();
    }

    @Test
    void nothingLeavesBeforeConsentAndAWithdrawalEndsEveryOpenPlacementThroughAConflictAndARestart(
            TestInfrastructure infrastructure) {
        RestClient coordinator = start();
        RestClient schoolHr = ApiClient.as(TestTokens.instance().schoolHr("21CM00"),
                service.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
        String tutor;
        try (TopicProbe placements = TopicProbe.on(infrastructure, Topics.PLACEMENTS)) {
            tutor = aTutorAged(coordinator, 13);
            String older = aTutorAged(coordinator, 16);
            placements.awaitRecord(TopicProbe.withKey(older));
            assertThat(placements.seen()).as("no TutorRegistered of the pupil without consent")
                    .noneMatch(record -> tutor.equals(record.key()));
            assertThat(coordinator.post().uri("/api/placements").contentType(MediaType.APPLICATION_JSON)
                    .body("{\"tutorId\":\"" + tutor + "\",\"schoolCode\":\"21CM00\",\"subject\":\"wiskunde\","
                            + "\"hoursPerWeek\":2}").retrieve().toEntity(String.class).getStatusCode().value())
                    .as("not proposed without consent").isEqualTo(409);

            assertThat(coordinator.put().uri("/api/tutors/{id}/parental-consent", tutor)
                    .contentType(MediaType.APPLICATION_JSON).body("{\"givenOn\":\"" + LocalDate.now() + "\"}")
                    .retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(200);
            placements.awaitRecord(record -> tutor.equals(record.key())
                    && "nl.instroom.tutoring.TutorRegistered.v1".equals(TopicProbe.header(record, "ce_type")));
        }

        String proposed = propose(coordinator, tutor, "wiskunde");
        String confirmed = propose(coordinator, tutor, "natuurkunde");
        String active = propose(coordinator, tutor, "scheikunde");
        assertThat(post(coordinator, "/api/placements/" + confirmed + "/confirm")).isEqualTo(200);
        assertThat(post(coordinator, "/api/placements/" + active + "/confirm")).isEqualTo(200);
        assertThat(post(schoolHr, "/api/placements/" + active + "/start")).isEqualTo(200);

        CONFLICT_ONCE.add(confirmed);
        CRASH.add(active);
        assertThat(coordinator.delete().uri("/api/tutors/{id}/parental-consent", tutor).retrieve()
                .toBodilessEntity().getStatusCode().value()).isEqualTo(200);
        assertThat(CONFLICT_ONCE).as("the conflict happened").isEmpty();
        assertThat(status(coordinator, proposed)).isEqualTo("CANCELLED");
        assertThat(status(coordinator, confirmed)).as("cancelled after reading it again").isEqualTo("CANCELLED");
        assertThat(status(coordinator, active)).as("its save 'crashed'").isEqualTo("ACTIVE");
        assertThat(post(schoolHr, "/api/placements/" + active + "/complete",
                "{\"reliability\":4,\"talentForTeaching\":5}"))
                .as("meanwhile every transition re-checks consent").isEqualTo(409);
        MongoTemplate store = service.getBean(MongoTemplate.class);
        assertThat(store.findById(tutor, Document.class, "tutors").get("withdrawalPendingSince"))
                .as("the withdrawal is still pending").isNotNull();

        service.close();
        CRASH.clear();
        try (TopicProbe placements = TopicProbe.on(infrastructure, Topics.PLACEMENTS)) {
            coordinator = start();
            RestClient restarted = coordinator;
            await("the restarted service finishes the withdrawal").atMost(Duration.ofSeconds(30))
                    .until(() -> "CANCELLED".equals(status(restarted, active)));
            placements.awaitRecord(record -> active.equals(record.key())
                    && "nl.instroom.tutoring.PlacementCancelled.v1".equals(TopicProbe.header(record, "ce_type"))
                    && new String(record.value(), StandardCharsets.UTF_8).contains("CONSENT_WITHDRAWN"));
        }
        MongoTemplate restartedStore = service.getBean(MongoTemplate.class);
        await().until(() -> restartedStore.findById(tutor, Document.class, "tutors")
                .get("withdrawalPendingSince") == null);
        List<Document> cancellations = restartedStore.findAll(Document.class, "placements").stream()
                .filter(placement -> tutor.equals(placement.getString("tutorId"))).toList();
        assertThat(cancellations).hasSize(3).allSatisfy(placement ->
                assertThat(placement.getString("status")).isEqualTo("CANCELLED"));
    }
}
