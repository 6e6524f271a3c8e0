package nl.instroom.tutoring.matching.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import nl.instroom.events.Topics;
import nl.instroom.events.needmap.NeedComponent;
import nl.instroom.events.needmap.SchoolNeedChanged;
import nl.instroom.events.needmap.SchoolRegistered;
import nl.instroom.events.needmap.SchoolUpdated;
import nl.instroom.events.Sector;
import nl.instroom.events.needmap.SubjectNeed;
import nl.instroom.testing.ApiClient;
import nl.instroom.testing.EventProducer;
import nl.instroom.testing.InstroomInfrastructure;
import nl.instroom.testing.TestInfrastructure;
import nl.instroom.testing.TestTokens;
import nl.instroom.testing.TopicProbe;
import nl.instroom.tutoring.needs.domain.SchoolNeedViews;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Matching on the real broker and store: need-mapping's events (published here as need-mapping would) are the only
 * source of where the need is, so a need change over Kafka changes the next proposal. Each test works in its own
 * region, so they cannot see each other's schools or tutors.
 */
@InstroomInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.mongodb.database=tutoring-matching",
        "spring.cloud.stream.bindings.schoolEvents-in-0.group=tutoring-matching-it",
        "spring.cloud.stream.bindings.needEvents-in-0.group=tutoring-matching-it",
        "spring.cloud.stream.bindings.vacancyEvents-in-0.group=tutoring-matching-it"})
@DirtiesContext
class MatchingIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final AtomicLong REVISIONS = new AtomicLong(10);
    // Two schools in Zwolle, a few km from PC4 8012 (Zwolle-centrum).
    private static final double[] ZWOLLE_NORTH = {52.523, 6.095};
    private static final double[] ZWOLLE_SOUTH = {52.498, 6.080};

    @Autowired
    SchoolNeedViews views;

    @LocalServerPort
    int port;

    private static final java.util.Set<String> REGIONS_WITH_NEEDIEST_SCHOOL_FAR_AWAY =
            java.util.concurrent.ConcurrentHashMap.newKeySet();

    private TestInfrastructure infrastructure;

    @BeforeEach
    void infrastructure(TestInfrastructure infrastructure) {
        this.infrastructure = infrastructure;
    }

    private RestClient coordinatorOf(String region) {
        return ApiClient.as(TestTokens.instance().token("coordinator-" + region, List.of("COORDINATOR"), region, null),
                port);
    }

    /**
     * A school with a maths need given as its index within the region. need-mapping publishes scores, and the index
     * is a school's score against the region's highest: each region of this test has its neediest school (score 1,
     * index 100) far from every tutor, so the index of each school here is exactly the number given.
     */
    private void aSchoolWithMathsNeed(String region, String school, double[] at, double mathsNeed) {
        try (EventProducer needMapping = EventProducer.as("need-mapping", infrastructure)) {
            if (REGIONS_WITH_NEEDIEST_SCHOOL_FAR_AWAY.add(region)) {
                String farAway = String.format("99ZZ%02d", REGIONS_WITH_NEEDIEST_SCHOOL_FAR_AWAY.size());
                needMapping.publish(new SchoolRegistered(farAway, "Ver weg", Sector.VO, "MAASTRICHT", "GM0935",
                        "6211AA", 50.85, 5.69, 900, region, 1));
                needMapping.publish(mathsNeed(region, farAway, 100));
            }
            needMapping.publish(new SchoolRegistered(school, "School " + school, Sector.VO, "ZWOLLE", "GM0193",
                    "8011AA", at[0], at[1], 900, region, 1));
            needMapping.publish(mathsNeed(region, school, mathsNeed));
        }
    }

    /** A maths need whose index, against the region's neediest school (score 1), is {@code index}. */
    private static SchoolNeedChanged mathsNeed(String region, String school, double index) {
        double score = index / 100;
        return new SchoolNeedChanged(school, region, score, List.of(new SubjectNeed("wiskunde", score,
                BigDecimal.ONE)), List.of(new NeedComponent("openFteWeighted", score, 1.0)),
                REVISIONS.incrementAndGet());
    }

    /**
     * need-mapping announces that the school's HR set on which days and how many tutors it hosts (a SchoolUpdated
     * carrying the school's whole state), and waits until tutoring's projection has it.
     */
    private void aSchoolHosting(String region, String school, double[] at, List<DayOfWeek> days, int capacity) {
        try (EventProducer needMapping = EventProducer.as("need-mapping", infrastructure)) {
            needMapping.publish(new SchoolUpdated(school, "School " + school, Sector.VO, "ZWOLLE", "GM0193",
                    "8011AA", at[0], at[1], 900, region, days, capacity, 2));
        }
        await().untilAsserted(() -> assertThat(views.find(school)).hasValueSatisfying(view -> {
            assertThat(view.tutoringDays()).containsExactlyInAnyOrderElementsOf(days);
            assertThat(view.tutorCapacity()).isEqualTo(capacity);
        }));
    }

    private void awaitMathsNeed(String school, double index) {
        await().untilAsserted(() -> assertThat(views.find(school)).hasValueSatisfying(
                view -> assertThat(view.subjectIndex()).containsEntry("wiskunde", index)));
    }

    private static String aTutorAged(RestClient coordinator, int years, String name) {
        return aTutorHelpingOn(coordinator, years, name, DayOfWeek.WEDNESDAY);
    }

    private static String aTutorHelpingOnlyOn(RestClient coordinator, DayOfWeek day, String name) {
        return aTutorHelpingOn(coordinator, 17, name, day);
    }

    private static String aTutorHelpingOn(RestClient coordinator, int years, String name, DayOfWeek day) {
        String body = """
                {"name":"%s","schoolAttended":"Thorbecke","schoolYear":4,"dateOfBirth":"%s",
                 "subjects":[{"subject":"wiskunde","level":"havo"}],"hoursPerWeek":2,"weekdays":["%s"],
                 "pc4":"8012","maxTravelKm":10}""".formatted(name, LocalDate.now().minusYears(years).minusDays(30),
                day);
        return coordinator.post().uri("/api/tutors").contentType(MediaType.APPLICATION_JSON).body(body).retrieve()
                .body(JsonNode.class).get("id").asString();
    }

    private static ResponseEntity<String> solve(RestClient coordinator, String body) {
        return coordinator.post().uri("/api/matching/runs").contentType(MediaType.APPLICATION_JSON).body(body)
                .retrieve().toEntity(String.class);
    }

    private static JsonNode solved(RestClient coordinator, String region) {
        ResponseEntity<String> response = solve(coordinator, "{\"region\":\"" + region + "\"}");
        assertThat(response.getStatusCode().value()).isEqualTo(201);
        return JSON.readTree(response.getBody());
    }

    private static List<String> proposedSchools(JsonNode run, String tutorId) {
        return run.get("proposals").valueStream().filter(p -> p.get("pair").get("tutorId").asString().equals(tutorId))
                .map(p -> p.get("pair").get("schoolCode").asString()).toList();
    }

    @Test
    void aNeedChangeArrivingOverKafkaChangesTheNextProposal() {
        String region = "IT_NEED_CHANGE";
        RestClient coordinator = coordinatorOf(region);
        aSchoolWithMathsNeed(region, "61AA00", ZWOLLE_NORTH, 80);
        aSchoolWithMathsNeed(region, "61AB00", ZWOLLE_SOUTH, 30);
        awaitMathsNeed("61AA00", 80);
        awaitMathsNeed("61AB00", 30);
        String tutor = aTutorAged(coordinator, 17, "Sanne Visser");

        JsonNode before = solved(coordinator, region);
        assertThat(proposedSchools(before, tutor)).containsExactly("61AA00");
        JsonNode score = before.get("proposals").get(0).get("score");
        assertThat(score.get("needPoints").asDouble()).isEqualTo(80.0);
        assertThat(score.get("travelKm").asDouble()).isPositive();
        assertThat(score.get("totalPoints").asDouble()).isEqualTo(before.get("objectivePoints").asDouble());

        // Stimulus: need-mapping reports that the southern school's need overtook the northern one's.
        try (EventProducer needMapping = EventProducer.as("need-mapping", infrastructure)) {
            needMapping.publish(mathsNeed(region, "61AA00", 20));
            needMapping.publish(mathsNeed(region, "61AB00", 90));
        }
        awaitMathsNeed("61AA00", 20);
        awaitMathsNeed("61AB00", 90);

        assertThat(proposedSchools(solved(coordinator, region), tutor)).containsExactly("61AB00");
    }

    @Test
    void aPupilUnderSixteenIsProposedOnlyOnceAParentHasConsented() {
        String region = "IT_CONSENT";
        RestClient coordinator = coordinatorOf(region);
        aSchoolWithMathsNeed(region, "62AA00", ZWOLLE_NORTH, 70);
        awaitMathsNeed("62AA00", 70);
        String young = aTutorAged(coordinator, 14, "Daan Mulder");

        assertThat(proposedSchools(solved(coordinator, region), young)).isEmpty();

        coordinator.put().uri("/api/tutors/{id}/parental-consent", young).contentType(MediaType.APPLICATION_JSON)
                .body("{\"givenOn\":\"" + LocalDate.now() + "\"}").retrieve().toBodilessEntity();
        assertThat(proposedSchools(solved(coordinator, region), young)).containsExactly("62AA00");
    }

    @Test
    void acceptingARunProposesItsPlacementsOnceAndPublishesThem() {
        String region = "IT_ACCEPT";
        RestClient coordinator = coordinatorOf(region);
        aSchoolWithMathsNeed(region, "63AA00", ZWOLLE_NORTH, 60);
        awaitMathsNeed("63AA00", 60);
        String tutor = aTutorAged(coordinator, 16, "Noor Jansen");
        String runId = solved(coordinator, region).get("id").asString();

        try (TopicProbe placements = TopicProbe.on(infrastructure, Topics.PLACEMENTS)) {
            JsonNode accepted = coordinator.post().uri("/api/matching/runs/{id}/accept", runId).retrieve()
                    .body(JsonNode.class);
            String placementId = accepted.get("placementIds").get(0).asString();

            ConsumerRecord<String, byte[]> proposed = placements.awaitRecord(record -> placementId.equals(record.key())
                    && "nl.instroom.tutoring.PlacementProposed.v1".equals(TopicProbe.header(record, "ce_type")));
            JsonNode data = JSON.readTree(new String(proposed.value(), StandardCharsets.UTF_8));
            assertThat(data.get("matchingRunId").asString()).isEqualTo(runId);
            assertThat(data.get("tutorId").asString()).isEqualTo(tutor);
            assertThat(data.toString()).doesNotContain("Noor");
        }
        ResponseEntity<String> again = coordinator.post().uri("/api/matching/runs/{id}/accept", runId).retrieve()
                .toEntity(String.class);
        assertThat(again.getStatusCode().value()).isEqualTo(409);
        assertThat(again.getHeaders().getContentType().toString()).contains("application/problem+json");
        // The tutor's hours are now taken by the proposed placement: the next run has nothing left to propose.
        assertThat(proposedSchools(solved(coordinator, region), tutor)).isEmpty();
    }

    @Test
    void aCoordinatorExcludesOrPinsAPairAndSolvesAgain() {
        String region = "IT_PIN";
        RestClient coordinator = coordinatorOf(region);
        aSchoolWithMathsNeed(region, "64AA00", ZWOLLE_NORTH, 85);
        aSchoolWithMathsNeed(region, "64AB00", ZWOLLE_SOUTH, 40);
        awaitMathsNeed("64AA00", 85);
        awaitMathsNeed("64AB00", 40);
        String tutor = aTutorAged(coordinator, 18, "Levi Smit");
        String pair = "{\"tutorId\":\"" + tutor + "\",\"schoolCode\":\"64AA00\",\"subject\":\"wiskunde\"}";
        String other = "{\"tutorId\":\"" + tutor + "\",\"schoolCode\":\"64AB00\",\"subject\":\"wiskunde\"}";

        JsonNode excluded = JSON.readTree(solve(coordinator,
                "{\"region\":\"" + region + "\",\"exclusions\":[" + pair + "]}").getBody());
        assertThat(proposedSchools(excluded, tutor)).containsExactly("64AB00");

        JsonNode pinned = JSON.readTree(solve(coordinator,
                "{\"region\":\"" + region + "\",\"pins\":[" + other + "]}").getBody());
        assertThat(proposedSchools(pinned, tutor)).containsExactly("64AB00");
        assertThat(pinned.get("proposals").get(0).get("pinned").asBoolean()).isTrue();
    }

    @Test
    void badQuestionsAreProblemsAndStoreNoRun() {
        String region = "IT_BAD_INPUT";
        RestClient coordinator = coordinatorOf(region);
        aSchoolWithMathsNeed(region, "65AA00", ZWOLLE_NORTH, 50);
        awaitMathsNeed("65AA00", 50);
        String young = aTutorAged(coordinator, 14, "Mila Bakker");

        ResponseEntity<String> noRegion = solve(coordinator, "{\"subject\":\"wiskunde\"}");
        ResponseEntity<String> badLevel = solve(coordinator, "{\"region\":\"" + region + "\",\"level\":\"gymnasium\"}");
        ResponseEntity<String> pinWithoutConsent = solve(coordinator, "{\"region\":\"" + region + "\",\"pins\":[{"
                + "\"tutorId\":\"" + young + "\",\"schoolCode\":\"65AA00\",\"subject\":\"wiskunde\"}]}");
        ResponseEntity<String> otherRegion = solve(coordinator, "{\"region\":\"IT_SOMEONE_ELSES\"}");

        assertThat(List.of(noRegion, badLevel, pinWithoutConsent)).allSatisfy(response -> {
            assertThat(response.getStatusCode().value()).isEqualTo(400);
            assertThat(response.getHeaders().getContentType().toString()).contains("application/problem+json");
        });
        assertThat(pinWithoutConsent.getBody()).contains("consent");
        assertThat(otherRegion.getStatusCode().value()).isEqualTo(404);
        assertThat(coordinator.get().uri("/api/matching/runs?region={r}", region).retrieve().body(JsonNode.class))
                .isEmpty();
    }

    @Test
    void aTutorAvailableOnlyOnMondaysIsNeverProposedToASchoolThatHostsOnlyOnWednesdays() {
        String region = "IT_DAYS";
        RestClient coordinator = coordinatorOf(region);
        aSchoolWithMathsNeed(region, "66AA00", ZWOLLE_NORTH, 90);
        aSchoolWithMathsNeed(region, "66AB00", ZWOLLE_SOUTH, 30);
        aSchoolHosting(region, "66AA00", ZWOLLE_NORTH, List.of(DayOfWeek.WEDNESDAY), 3);
        awaitMathsNeed("66AA00", 90);
        awaitMathsNeed("66AB00", 30);
        String monday = aTutorHelpingOnlyOn(coordinator, DayOfWeek.MONDAY, "Fenna de Boer");
        String wednesday = aTutorHelpingOnlyOn(coordinator, DayOfWeek.WEDNESDAY, "Bram Kok");

        JsonNode run = solved(coordinator, region);

        assertThat(proposedSchools(run, monday)).as("the Wednesday school needs more, but shares no day")
                .containsExactly("66AB00");
        assertThat(proposedSchools(run, wednesday)).containsExactly("66AA00");
        assertThat(sharedDays(run, monday)).containsExactly("MONDAY");
        assertThat(sharedDays(run, wednesday)).containsExactly("WEDNESDAY");
        ResponseEntity<String> pinned = solve(coordinator, "{\"region\":\"" + region + "\",\"pins\":[{"
                + "\"tutorId\":\"" + monday + "\",\"schoolCode\":\"66AA00\",\"subject\":\"wiskunde\"}]}");
        assertThat(pinned.getStatusCode().value()).isEqualTo(400);
        assertThat(pinned.getBody()).contains("no day in common");
    }

    @Test
    void aSchoolWithCapacityOneNeverGetsTwoTutors() {
        String region = "IT_CAPACITY";
        RestClient coordinator = coordinatorOf(region);
        aSchoolWithMathsNeed(region, "67AA00", ZWOLLE_NORTH, 95);
        aSchoolHosting(region, "67AA00", ZWOLLE_NORTH, List.of(DayOfWeek.WEDNESDAY), 1);
        awaitMathsNeed("67AA00", 95);
        List<String> tutors = List.of(aTutorAged(coordinator, 17, "Julia Bos"), aTutorAged(coordinator, 17, "Sem Dijk"),
                aTutorAged(coordinator, 17, "Tess Peters"));

        JsonNode run = solved(coordinator, region);

        assertThat(tutors.stream().flatMap(tutor -> proposedSchools(run, tutor).stream()))
                .as("three tutors close by, a need of 95, and room for one").containsExactly("67AA00");
        coordinator.post().uri("/api/matching/runs/{id}/accept", run.get("id").asString()).retrieve()
                .toBodilessEntity();
        JsonNode next = solved(coordinator, region);
        assertThat(tutors.stream().flatMap(tutor -> proposedSchools(next, tutor).stream()))
                .as("the proposed placement takes the one place").isEmpty();
    }

    @Test
    void aRunIsNotAcceptedOnceTheSchoolNoLongerHostsOnTheTutorsDay() {
        String region = "IT_DAYS_CHANGED";
        RestClient coordinator = coordinatorOf(region);
        aSchoolWithMathsNeed(region, "68AA00", ZWOLLE_NORTH, 80);
        awaitMathsNeed("68AA00", 80);
        String tutor = aTutorHelpingOnlyOn(coordinator, DayOfWeek.WEDNESDAY, "Lotte Vos");
        JsonNode run = solved(coordinator, region);
        assertThat(proposedSchools(run, tutor)).containsExactly("68AA00");

        // Stimulus: the school's HR says it hosts tutors on Mondays only, after the run was solved.
        aSchoolHosting(region, "68AA00", ZWOLLE_NORTH, List.of(DayOfWeek.MONDAY), 3);

        ResponseEntity<String> accepted = coordinator.post().uri("/api/matching/runs/{id}/accept",
                run.get("id").asString()).retrieve().toEntity(String.class);
        assertThat(accepted.getStatusCode().value()).isEqualTo(409);
        assertThat(accepted.getHeaders().getContentType().toString()).contains("application/problem+json");
        assertThat(accepted.getBody()).contains("solve again");
        assertThat(proposedSchools(solved(coordinator, region), tutor)).isEmpty();
    }

    private static List<String> sharedDays(JsonNode run, String tutorId) {
        return run.get("proposals").valueStream().filter(p -> p.get("pair").get("tutorId").asString().equals(tutorId))
                .flatMap(p -> p.get("score").get("sharedDays").valueStream()).map(JsonNode::asString).toList();
    }

    @Test
    void theMatchingApiIsDescribedInOpenApi() {
        JsonNode api = ApiClient.as(null, port).get().uri("/v3/api-docs").retrieve().body(JsonNode.class);
        assertThat(api.get("paths").has("/api/matching/runs")).isTrue();
        assertThat(api.get("paths").has("/api/matching/runs/{id}/accept")).isTrue();
    }
}
