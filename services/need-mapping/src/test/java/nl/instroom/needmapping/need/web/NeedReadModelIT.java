package nl.instroom.needmapping.need.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import nl.instroom.events.stay.RetentionRiskAssessed;
import nl.instroom.events.tutoring.PlacementStarted;
import nl.instroom.needmapping.SchoolFixtures;
import nl.instroom.needmapping.SchoolFixtures.ASchool;
import nl.instroom.needmapping.need.domain.NeedReadModel;
import nl.instroom.testing.ApiClient;
import nl.instroom.testing.EventProducer;
import nl.instroom.testing.InstroomInfrastructure;
import nl.instroom.testing.TestInfrastructure;
import nl.instroom.testing.TestTokens;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * The ranking, the regional summary and the national picture are read from the read model the recalculation keeps:
 * a view per school and an aggregate per region. It follows vacancies opened and filled, stay-interviews' and
 * tutoring's signals, and a municipality moving to another region (both regions' aggregates change); the national
 * picture shows every CBS region, scores per 1,000 pupils, to a coordinator (their region marked), an admin and the
 * national read-only role, who may read any region's ranking and summary too but change nothing.
 */
@InstroomInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.mongodb.database=needmapping-read-model", "instroom.need.coalesce-interval=100ms"})
@DirtiesContext
class NeedReadModelIT {

    private static final ASchool HEERDE_LYCEUM = new ASchool("71HA00", "Heerder Lyceum", "VWO", "HEERDE", "8181AA",
            800, 6.04, 52.39);
    private static final ASchool DEVENTER_COLLEGE = new ASchool("73DA00", "Deventer College", "HAVO/VWO", "DEVENTER",
            "7411AA", 1200, 6.16, 52.25);
    private static final ASchool ZWOLLE_LYCEUM = new ASchool("74ZA00", "Zwols Lyceum", "HAVO/VWO", "ZWOLLE",
            "8011AA", 1000, 6.09, 52.51);

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Test
    void theRankingTheSummaryAndTheNationalPictureFollowRecalculationsAndAMunicipalityMove(
            TestInfrastructure infrastructure) {
        SchoolFixtures.registered(admin(), HEERDE_LYCEUM, DEVENTER_COLLEGE, ZWOLLE_LYCEUM);
        String heerdeVacancy = open(coordinatorOf("AM06"), "71HA00", "wiskunde", "1.0");
        open(coordinatorOf("AM06"), "73DA00", "duits", "0.6");
        open(coordinatorOf("AM36"), "74ZA00", "wiskunde", "0.5");

        await().untilAsserted(() -> {
            JsonNode veluwe = summary(coordinatorOf("AM06"));
            assertThat(veluwe.get("schools").asInt()).isEqualTo(2);
            assertThat(veluwe.get("byMunicipality").get("HEERDE").get("openFte").asDouble()).isEqualTo(1.0);
            assertThat(veluwe.get("byMunicipality").get("HEERDE").get("averageIndex").asDouble()).isEqualTo(100.0);
            assertThat(veluwe.get("byMunicipality").get("DEVENTER").get("averageIndex").asDouble()).isEqualTo(60.0);
            assertThat(veluwe.get("bySubject").get("duits").get("openFte").asDouble()).isEqualTo(0.6);
        });
        assertThat(ranking(coordinatorOf("AM06"), "")).containsExactly("71HA00=100.0", "73DA00=60.0");
        assertThat(ranking(coordinatorOf("AM06"), "?subject=duits")).containsExactly("73DA00=60.0");
        assertThat(ranking(coordinatorOf("AM06"), "?offset=1&limit=1")).as("a page")
                .containsExactly("73DA00=60.0");
        assertThat(mongo.count(new Query(Criteria.where("region").is("AM06")), "need_views"))
                .as("a view per school of the region").isEqualTo(2);
        Document aggregate = mongo.findById("AM06", Document.class, "region_needs");
        assertThat(aggregate.getDouble("highest")).as("what the region's indexes are measured against")
                .isEqualTo(1.0);

        JsonNode national = national(coordinatorOf("AM36"));
        assertThat(national.get("regions")).as("every CBS labour-market region").hasSize(35);
        assertThat(national.get("yourRegion").asString()).isEqualTo("AM36");
        JsonNode veluwe = region(national, "AM06");
        assertThat(veluwe.get("name").asString()).isEqualTo("Veluwe Stedendriehoek");
        assertThat(veluwe.get("pupils").asLong()).isEqualTo(2000);
        assertThat(veluwe.get("openFte").asDouble()).isEqualTo(1.6);
        assertThat(veluwe.get("weightedNeed").asDouble()).isEqualTo(1.6);
        assertThat(veluwe.get("weightedNeedPer1000Pupils").asDouble()).as("1.6 per 2,000 pupils").isEqualTo(0.8);
        assertThat(veluwe.get("subjects").get("wiskunde").get("weightedNeedPer1000Pupils").asDouble())
                .isEqualTo(0.5);
        assertThat(region(national, "AM36").get("weightedNeedPer1000Pupils").asDouble()).isEqualTo(0.5);
        assertThat(national.get("regions").get(0).get("code").asString()).as("the neediest region first")
                .isEqualTo("AM06");
        assertThat(region(national, "AM01").get("schools").asInt()).as("a region without schools here").isZero();
        assertThat(national.get("country").get("weightedNeed").asDouble()).isEqualTo(2.1);

        try (EventProducer stayInterviews = EventProducer.as("stay-interviews", infrastructure);
                EventProducer tutoring = EventProducer.as("tutoring", infrastructure)) {
            stayInterviews.publish(new RetentionRiskAssessed("74ZA00", new BigDecimal("1.5"), 6,
                    LocalDate.of(2026, 11, 20), 1));
            tutoring.publish(new PlacementStarted("p-read-model-1", "t-1", "74ZA00", "wiskunde",
                    LocalDate.of(2026, 11, 1), 1));
        }
        await().untilAsserted(() -> {
            JsonNode zwolle = region(national(admin()), "AM36");
            assertThat(zwolle.get("expectedDeparturesFte").asDouble()).isEqualTo(1.5);
            assertThat(zwolle.get("tutorsActive").asInt()).isEqualTo(1);
            assertThat(zwolle.get("weightedNeed").asDouble()).as("0.5 + 0.8 × 1.5 − 0.2 × 1").isEqualTo(1.5);
        });

        var moved = admin().put().uri("/api/municipalities/GM0246/region").contentType(MediaType.APPLICATION_JSON)
                .body("{\"region\":\"AM36\",\"effectiveFrom\":\"" + LocalDate.now() + "\"}").retrieve()
                .body(JsonNode.class);
        assertThat(moved.get("schoolsMoved").asInt()).isEqualTo(1);
        await("both regions' aggregates follow the move").untilAsserted(() -> {
            JsonNode veluweNow = summary(coordinatorOf("AM06"));
            assertThat(veluweNow.get("schools").asInt()).isEqualTo(1);
            assertThat(veluweNow.get("byMunicipality").has("HEERDE")).isFalse();
            assertThat(veluweNow.get("byMunicipality").get("DEVENTER").get("averageIndex").asDouble())
                    .as("now the neediest of its region").isEqualTo(100.0);
            JsonNode zwolleNow = summary(coordinatorOf("AM36"));
            assertThat(zwolleNow.get("byMunicipality").get("HEERDE").get("openFte").asDouble()).isEqualTo(1.0);
            assertThat(zwolleNow.get("bySubject").get("wiskunde").get("openFte").asDouble()).isEqualTo(1.5);
        });
        assertThat(ranking(coordinatorOf("AM36"), "")).containsExactly("74ZA00=100.0", "71HA00=66.67");
        assertThat(ranking(coordinatorOf("AM06"), "")).containsExactly("73DA00=100.0");
        JsonNode afterMove = national(nationalViewer());
        assertThat(afterMove.has("yourRegion") && !afterMove.get("yourRegion").isNull())
                .as("the national role has no region of its own").isFalse();
        assertThat(region(afterMove, "AM36").get("pupils").asLong()).isEqualTo(1800);
        assertThat(region(afterMove, "AM36").get("openFte").asDouble()).isEqualTo(1.5);
        assertThat(region(afterMove, "AM06").get("openFte").asDouble()).isEqualTo(0.6);

        coordinatorOf("AM36").post().uri("/api/vacancies/{id}/fill", heerdeVacancy).retrieve().toBodilessEntity();
        await("a filled vacancy leaves the figures").untilAsserted(() ->
                assertThat(region(national(nationalViewer()), "AM36").get("openFte").asDouble()).isEqualTo(0.5));
        assertThat(ranking(coordinatorOf("AM36"), "?withNeed=true")).containsExactly("74ZA00=100.0");
    }

    @Test
    void theNationalRoleReadsAnyRegionsRankingAndSummaryAndACoordinatorOnlyTheirOwn() {
        SchoolFixtures.registered(admin(), ZWOLLE_LYCEUM);

        var ranking = nationalViewer().get().uri("/api/need/ranking?region=AM36").retrieve().toEntity(String.class);
        assertThat(ranking.getStatusCode().value()).isEqualTo(200);
        var summary = nationalViewer().get().uri("/api/need/summary?region=AM06").retrieve().toEntity(String.class);
        assertThat(summary.getStatusCode().value()).isEqualTo(200);
        var anotherRegion = coordinatorOf("AM36").get().uri("/api/need/summary?region=AM06").retrieve()
                .toEntity(String.class);
        assertThat(anotherRegion.getStatusCode().value()).as("outside the coordinator's region").isEqualTo(404);
        var change = nationalViewer().post().uri("/api/vacancies").contentType(MediaType.APPLICATION_JSON)
                .body("{\"schoolCode\":\"74ZA00\",\"subject\":\"wiskunde\",\"fte\":1,\"hoursPerWeek\":20,"
                        + "\"startDate\":\"2027-01-01\",\"urgency\":\"HIGH\"}").retrieve().toEntity(String.class);
        assertThat(change.getStatusCode().value()).as("read-only").isEqualTo(403);
    }

    /**
     * The ranking kept in rank order by the aggregation: every page, also one across two stored pages, is the page
     * the store's own ordering of the views gives — after scores change and after the region shrinks — and a page
     * made by two aggregations is never put together.
     */
    @Test
    void theRankingKeptInRankOrderPagesAsTheViewsDoAfterNeedsChange(@Autowired NeedReadModel readModel) {
        String region = "XX01"; // in no region of the register: nothing else here writes or reads it
        java.util.Random random = new java.util.Random(16);
        for (int i = 0; i < 120; i++) {
            mongo.save(view(region, i, i % 4 == 0 ? 0.0 : random.nextInt(40) / 8.0), "need_views");
        }
        readModel.aggregate(region);
        assertPagesAsTheViews(readModel, region);

        for (int i = 0; i < 120; i += 3) {
            mongo.save(view(region, i, random.nextInt(40) / 8.0), "need_views");
        }
        mongo.save(view(region, 119, 99.0), "need_views");
        readModel.aggregate(region);
        assertThat(readModel.ranking(region, false, 0, 1).orElseThrow().schools().get(0).schoolCode())
                .isEqualTo(code(119));
        assertPagesAsTheViews(readModel, region);

        mongo.remove(new Query(Criteria.where("region").is(region).and("pupils").gte(40)), "need_views");
        readModel.aggregate(region);
        assertPagesAsTheViews(readModel, region);
        assertThat(mongo.count(new Query(Criteria.where("region").is(region)), "need_ranking_pages"))
                .as("40 schools: one stored page").isEqualTo(1);

        mongo.save(view(region, 3, 50.0).append("needRevision", 2L), "need_views");
        assertThat(readModel.ranking(region, false, 0, 10)).as("a view written again since it was ranked").isEmpty();
        readModel.aggregate(region);
        NeedReadModel.RankedPage top = readModel.ranking(region, false, 0, 1).orElseThrow();
        assertThat(top.schools().get(0).schoolCode()).isEqualTo(code(3));
        assertThat(readModel.rankedAt(region)).as("its own aggregation, known at once").hasValue(top.aggregation());
        mongo.updateFirst(Query.query(Criteria.where("_id").is(region + "/0")),
                org.springframework.data.mongodb.core.query.Update.update("aggregatedFrom", 1_000_000L),
                "need_ranking_pages");
        assertThat(readModel.ranking(region, false, 0, 10)).as("a page another aggregation wrote").isEmpty();

        // Another instance aggregates the region: this one knows within the ranking's staleness bound (250 ms).
        mongo.updateFirst(Query.query(Criteria.where("_id").is(region)),
                org.springframework.data.mongodb.core.query.Update.update("aggregatedFrom", top.aggregation() + 1),
                "region_needs");
        await().atMost(java.time.Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(readModel.rankedAt(region)).hasValue(top.aggregation() + 1));
    }

    private static void assertPagesAsTheViews(NeedReadModel readModel, String region) {
        for (boolean withNeedOnly : new boolean[] {false, true}) {
            for (int offset : new int[] {0, 1, 30, 49, 50, 77, 99, 100, 119, 120, 500}) {
                for (int limit : new int[] {1, 10, 50, 51, 1000}) {
                    List<String> kept = readModel.ranking(region, withNeedOnly, offset, limit).orElseThrow()
                            .schools().stream().map(view -> view.schoolCode() + "=" + view.rawScore()).toList();
                    List<String> sortedByTheStore = readModel.schools(new NeedReadModel.Filter(region, null, null,
                            null, withNeedOnly), offset, limit).stream()
                            .map(view -> view.schoolCode() + "=" + view.rawScore()).toList();
                    assertThat(kept).as("offset %d, limit %d, with need only %s", offset, limit, withNeedOnly)
                            .isEqualTo(sortedByTheStore);
                }
            }
        }
    }

    private static String code(int i) {
        return "%02d%c%c00".formatted(80 + i / 100, 'A' + (i / 10) % 10, 'A' + i % 10);
    }

    /** A school's view as the read model stores it; {@code pupils} numbers the school, to remove some later. */
    private static Document view(String region, int i, double rawScore) {
        return new Document("_id", code(i)).append("region", region).append("rawScore", rawScore)
                .append("components", List.of()).append("subjects", List.of()).append("name", "School " + i)
                .append("sector", "PO").append("municipality", "NOWHERE").append("latitude", 52.0)
                .append("longitude", 5.0).append("pupils", i).append("needRevision", 1L)
                .append("schoolRevision", 1L);
    }

    /** What the portal pages with: bad paging values are problems, never a guess at what was meant. */
    @Test
    void badPagingOrFilterValuesOfTheRankingAreProblems() {
        RestClient coordinator = coordinatorOf("AM36");
        for (String bad : List.of("?offset=-1", "?offset=100001", "?offset=abc", "?limit=0", "?limit=1001",
                "?limit=ten", "?withNeed=maybe", "?sector=HBO")) {
            var response = coordinator.get().uri("/api/need/ranking" + bad).retrieve().toEntity(String.class);

            assertThat(response.getStatusCode().value()).as(bad).isEqualTo(400);
            assertThat(response.getHeaders().getContentType().toString()).as(bad)
                    .startsWith("application/problem+json");
        }
        assertThat(coordinator.get().uri("/api/need/ranking?withNeed=true&offset=100000&limit=1000").retrieve()
                .toEntity(String.class).getStatusCode().value()).as("the largest page asked for").isEqualTo(200);
    }

    private RestClient admin() {
        return ApiClient.as(TestTokens.instance().admin(), port);
    }

    private RestClient nationalViewer() {
        return ApiClient.as(TestTokens.instance().nationalViewer(), port);
    }

    private RestClient coordinatorOf(String region) {
        return ApiClient.as(TestTokens.instance().token("coordinator-" + region, List.of("COORDINATOR"), region, null),
                port);
    }

    private static String open(RestClient coordinator, String school, String subject, String fte) {
        return coordinator.post().uri("/api/vacancies").contentType(MediaType.APPLICATION_JSON)
                .body("{\"schoolCode\":\"" + school + "\",\"subject\":\"" + subject + "\",\"fte\":" + fte
                        + ",\"hoursPerWeek\":20,\"startDate\":\"2027-01-01\",\"urgency\":\"NORMAL\"}")
                .retrieve().body(JsonNode.class).get("id").asString();
    }

    private static JsonNode summary(RestClient coordinator) {
        return coordinator.get().uri("/api/need/summary").retrieve().body(JsonNode.class);
    }

    private static JsonNode national(RestClient caller) {
        return caller.get().uri("/api/need/national").retrieve().body(JsonNode.class);
    }

    private static JsonNode region(JsonNode national, String code) {
        for (JsonNode region : national.get("regions")) {
            if (code.equals(region.get("code").asString())) {
                return region;
            }
        }
        throw new AssertionError(code + " is not in the national picture");
    }

    /** The caller's ranking as code=index, highest first. */
    private static List<String> ranking(RestClient coordinator, String query) {
        List<String> ranking = new java.util.ArrayList<>();
        coordinator.get().uri("/api/need/ranking" + query).retrieve().body(JsonNode.class).forEach(school ->
                ranking.add(school.get("vestigingscode").asString() + "=" + school.get("index").asDouble()));
        return ranking;
    }
}
