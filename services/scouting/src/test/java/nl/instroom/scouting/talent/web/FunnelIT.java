package nl.instroom.scouting.talent.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import nl.instroom.events.scouting.PersonKind;
import nl.instroom.events.scouting.TalentStage;
import nl.instroom.testing.ApiClient;
import nl.instroom.testing.InstroomInfrastructure;
import nl.instroom.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * The funnel through the API against an independent count: many talents walk random paths through the pipeline
 * on random dates (and some in another region, which must not count); for several periods the figures per person
 * kind and the conversions are what the test counts itself from what it generated.
 */
@InstroomInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.mongodb.database=scouting-funnel", "instroom.writes-per-caller=100000"})
class FunnelIT {

    private static final String OTHER_REGION = "AM05";
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    /** What the test generated for one talent: its kind, flag date and every stage it went through. */
    record Generated(PersonKind kind, LocalDate flaggedOn, List<TalentStage> stages) {
    }

    @LocalServerPort
    int port;

    /** Generated once for all tests of the class (the application context, and so the store, is shared). */
    private static final List<Generated> generated = new ArrayList<>();
    private static final Random random = new Random(20261123L);

    @BeforeEach
    void generateOnce() {
        if (!generated.isEmpty()) {
            return;
        }
        RestClient scout = ApiClient.as(TestTokens.instance().scout(), port);
        RestClient otherScout = ApiClient.as(TestTokens.instance().token("scout-twente", List.of("TALENT_SCOUT"),
                OTHER_REGION, null), port);
        PersonKind[] kinds = {PersonKind.TUTOR, PersonKind.TUTOR, PersonKind.STAFF, PersonKind.STAFF,
            PersonKind.EXTERNAL};
        for (int i = 0; i < 120; i++) {
            generated.add(walk(scout, "z" + i, kinds[random.nextInt(kinds.length)]));
        }
        for (int i = 0; i < 15; i++) {
            walk(otherScout, "t" + i, PersonKind.TUTOR);
        }
    }

    /** Flags one person and walks them through random stages on random, increasing dates. */
    private Generated walk(RestClient scout, String ref, PersonKind kind) {
        LocalDate flaggedOn = TODAY.minusDays(random.nextInt(730));
        JsonNode talent = scout.post().uri("/api/talents").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("personKind", kind, "personRef", "funnel-" + ref, "kind", "POTENTIAL_TEACHER",
                        "rationale", "generated", "flaggedOn", flaggedOn.toString()))
                .retrieve().body(JsonNode.class);
        String id = talent.get("id").asString();
        List<TalentStage> stages = new ArrayList<>(List.of(TalentStage.FLAGGED));
        LocalDate on = flaggedOn;
        TalentStage next = nextStage(TalentStage.FLAGGED);
        while (next != null) {
            on = on.plusDays(random.nextInt(40));
            if (on.isAfter(TODAY)) {
                on = TODAY;
            }
            int status = scout.post().uri("/api/talents/{id}/stage", id).contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("stage", next, "on", on.toString())).retrieve().toBodilessEntity()
                    .getStatusCode().value();
            assertThat(status).as("moving to " + next).isEqualTo(200);
            stages.add(next);
            next = nextStage(next);
        }
        return new Generated(kind, flaggedOn, stages);
    }

    private TalentStage nextStage(TalentStage from) {
        int dice = random.nextInt(100);
        switch (from) {
            case FLAGGED:
                return dice < 20 ? null : dice < 35 ? TalentStage.WITHDRAWN : TalentStage.APPROACHED;
            case APPROACHED:
                return dice < 20 ? null : dice < 40 ? TalentStage.DECLINED : dice < 50 ? TalentStage.WITHDRAWN
                        : TalentStage.INTERESTED;
            case INTERESTED:
                return dice < 25 ? null : dice < 40 ? TalentStage.DECLINED : dice < 50 ? TalentStage.WITHDRAWN
                        : TalentStage.ENROLLED;
            default:
                return null;
        }
    }

    private Map<PersonKind, int[]> countedByTheTest(LocalDate from, LocalDate to) {
        Map<PersonKind, int[]> counts = new EnumMap<>(PersonKind.class);
        for (PersonKind kind : PersonKind.values()) {
            counts.put(kind, new int[TalentStage.values().length]);
        }
        for (Generated talent : generated) {
            if (talent.flaggedOn().isBefore(from) || talent.flaggedOn().isAfter(to)) {
                continue;
            }
            for (TalentStage stage : talent.stages()) {
                counts.get(talent.kind())[stage.ordinal()]++;
            }
        }
        return counts;
    }

    private void assertFunnelMatches(LocalDate from, LocalDate to) {
        JsonNode report = ApiClient.as(TestTokens.instance().coordinator(), port).get()
                .uri("/api/funnel?from={from}&to={to}", from, to).retrieve().body(JsonNode.class);
        assertThat(report.get("region").asString()).isEqualTo(TestTokens.REGION);
        Map<PersonKind, int[]> expected = countedByTheTest(from, to);
        int rows = 0;
        for (JsonNode row : report.get("figures")) {
            rows++;
            int[] count = expected.get(PersonKind.valueOf(row.get("personKind").asString()));
            String what = row.get("personKind").asString() + " " + from + ".." + to;
            assertThat(row.get("flagged").asInt()).as(what).isEqualTo(count[TalentStage.FLAGGED.ordinal()]);
            assertThat(row.get("approached").asInt()).as(what).isEqualTo(count[TalentStage.APPROACHED.ordinal()]);
            assertThat(row.get("interested").asInt()).as(what).isEqualTo(count[TalentStage.INTERESTED.ordinal()]);
            assertThat(row.get("enrolled").asInt()).as(what).isEqualTo(count[TalentStage.ENROLLED.ordinal()]);
            assertThat(row.get("declined").asInt()).as(what).isEqualTo(count[TalentStage.DECLINED.ordinal()]);
            assertThat(row.get("withdrawn").asInt()).as(what).isEqualTo(count[TalentStage.WITHDRAWN.ordinal()]);
            assertConversion(row.get("flaggedToApproached"), count[TalentStage.APPROACHED.ordinal()],
                    count[TalentStage.FLAGGED.ordinal()]);
            assertConversion(row.get("approachedToInterested"), count[TalentStage.INTERESTED.ordinal()],
                    count[TalentStage.APPROACHED.ordinal()]);
            assertConversion(row.get("interestedToEnrolled"), count[TalentStage.ENROLLED.ordinal()],
                    count[TalentStage.INTERESTED.ordinal()]);
        }
        assertThat(rows).isEqualTo(PersonKind.values().length);
    }

    private static void assertConversion(JsonNode actual, int part, int whole) {
        if (whole == 0) {
            assertThat(actual == null || actual.isNull()).as("no conversion from an empty stage").isTrue();
        } else {
            assertThat(actual.asDouble()).isCloseTo((double) part / whole, within(1e-9));
        }
    }

    @Test
    void theFunnelOfTheWholeTwoYearsMatchesTheTestsOwnCount() {
        assertFunnelMatches(TODAY.minusDays(800), TODAY);
        assertThat(countedByTheTest(TODAY.minusDays(800), TODAY).get(PersonKind.TUTOR)
                [TalentStage.ENROLLED.ordinal()]).as("the generated data reaches the end of the funnel").isPositive();
    }

    @Test
    void theFunnelOfShorterPeriodsMatchesToo() {
        assertFunnelMatches(TODAY.minusMonths(6), TODAY);
        assertFunnelMatches(TODAY.minusDays(500), TODAY.minusDays(400));
        LocalDate someFlagDate = generated.get(7).flaggedOn();
        assertFunnelMatches(someFlagDate, someFlagDate);
    }

    @Test
    void withoutDatesTheFunnelIsTheLastTwelveMonthsAndAnotherRegionIsNotTheCoordinatorsToSee() {
        JsonNode report = ApiClient.as(TestTokens.instance().scout(), port).get().uri("/api/funnel").retrieve()
                .body(JsonNode.class);
        assertThat(report.get("from").asString()).isEqualTo(TODAY.minusYears(1).plusDays(1).toString());
        assertFunnelMatches(TODAY.minusYears(1).plusDays(1), TODAY);

        assertThat(ApiClient.as(TestTokens.instance().coordinator(), port).get()
                .uri("/api/funnel?region={r}", OTHER_REGION).retrieve().toEntity(String.class).getStatusCode()
                .value()).isEqualTo(404);
        assertThat(ApiClient.as(TestTokens.instance().admin(), port).get()
                .uri("/api/funnel?region={r}&from={f}", OTHER_REGION, TODAY.minusDays(800)).retrieve()
                .body(JsonNode.class).get("figures").get(0).get("flagged").asInt()).isEqualTo(15);
    }
}
