package nl.instroom.mentoring.pair.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.Period;
import java.util.List;
import java.util.UUID;
import nl.instroom.events.Topics;
import nl.instroom.events.privacy.SubjectErasureRequested;
import nl.instroom.events.privacy.SubjectKind;
import nl.instroom.events.scouting.AmbassadorNominated;
import nl.instroom.events.scouting.PersonKind;
import nl.instroom.events.scouting.TalentFlagged;
import nl.instroom.events.scouting.TalentKind;
import nl.instroom.events.stay.RiskBand;
import nl.instroom.events.stay.StaffMemberLeft;
import nl.instroom.events.stay.StayInterviewHeld;
import nl.instroom.mentoring.MentoringIntegrationTest;
import nl.instroom.mentoring.pair.application.QuietPairs;
import nl.instroom.mentoring.vault.domain.StaffLinkHashes;
import nl.instroom.testing.EventProducer;
import nl.instroom.testing.TestInfrastructure;
import nl.instroom.testing.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

/**
 * What leaves mentoring, read from the real topic: a pair's matching, start, meetings, going quiet and end, with
 * pseudonymous references, dates and codes — no name, address, organisation, goal or feedback. A quiet pair is
 * flagged after the configured weeks on a clock the test moves on. And an erasure request leaves nothing of the
 * person in any collection.
 */
class PairEventsIT extends MentoringIntegrationTest {

    private static final String NAME = "Henriette Oosterhuis";
    private static final String EMAIL = "h.oosterhuis@kindcentrum-noord.nl";
    private static final String BOARD = "Kindcentra Noordoost";
    /** The school leader's identity username, linking her sign-in to her sign-up. */
    private static final String ACCOUNT = "hoosterhuis.kcn";
    private static final String EXECUTIVE = "Willem Brandsma";
    private static final String COMPANY = "Brandsma Logistiek";
    private static final String GOAL = "Een stageplek-netwerk voor onze leerkrachten";
    private static final String FEEDBACK = "De gesprekken over verzuim openden mijn ogen";

    @Autowired
    MongoTemplate mongo;

    @Autowired
    QuietPairs quietPairs;

    @Autowired
    StaffLinkHashes staffLinks;

    @Autowired
    MeterRegistry meters;

    @AfterEach
    void backToToday() {
        clock.reset();
    }

    private String activePair(String cohort) {
        ResponseEntity<String> leader = post("/api/cohorts/" + cohort + "/sign-ups", schoolLeader(NAME, EMAIL,
                "AM36", BOARD, "{\"WELLBEING\":3}", "[]").replace("\"consent\":true", "\"consent\":true,\"account\":\""
                + ACCOUNT + "\""));
        ResponseEntity<String> executive = post("/api/cohorts/" + cohort + "/sign-ups", executive(EXECUTIVE,
                "w.brandsma@brandsma-logistiek.nl", "AM36", COMPANY, "{\"WELLBEING\":1}", 1, "[]"));
        String pair = json(post("/api/cohorts/" + cohort + "/pairs", "{\"leader\":\"" + json(leader).get("id")
                .asString() + "\",\"executive\":\"" + json(executive).get("id").asString() + "\"}"))
                .get("id").asString();
        post("/api/pairs/" + pair + "/acceptance", "{\"side\":\"SCHOOL_LEADER\"}");
        post("/api/pairs/" + pair + "/acceptance", "{\"side\":\"EXECUTIVE\"}");
        assertThat(post("/api/pairs/" + pair + "/activation", "{}").getStatusCode().value()).isEqualTo(200);
        return pair;
    }

    @Test
    void theTopicCarriesFactsAndReferencesOnlyAndAQuietPairIsFlaggedAfterTheConfiguredWeeks(
            TestInfrastructure infrastructure) {
        try (TopicProbe topic = TopicProbe.on(infrastructure, "mentoring.pairs.v1")) {
            String cohort = openCohort("Najaar");
            String pair = activePair(cohort);
            post("/api/pairs/" + pair + "/meetings", "{\"on\":\"" + today() + "\",\"minutes\":75,\"mode\":\"ONLINE\"}");
            post("/api/pairs/" + pair + "/goals", "{\"side\":\"SCHOOL_LEADER\",\"text\":\"" + GOAL + "\"}");
            post("/api/pairs/" + pair + "/feedback", "{\"side\":\"SCHOOL_LEADER\",\"moment\":\"MIDWAY\",\"score\":4,"
                    + "\"text\":\"" + FEEDBACK + "\"}");

            clock.advance(Period.ofWeeks(3).minusDays(1));
            quietPairs.flag();
            assertThat(get("/api/cohorts/{id}/quiet-pairs", cohort).get("pairs").size()).as("not yet three weeks")
                    .isZero();
            clock.advance(Period.ofDays(1));
            assertThat(quietPairs.flag()).isPositive();
            quietPairs.flag();
            JsonNode quiet = get("/api/cohorts/{id}/quiet-pairs", cohort);
            assertThat(quiet.get("afterWeeks").asInt()).isEqualTo(3);
            assertThat(quiet.get("pairs").get(0).get("id").asString()).isEqualTo(pair);

            post("/api/pairs/" + pair + "/meetings", "{\"on\":\"" + today() + "\",\"minutes\":60,\"mode\":\"PHONE\"}");
            assertThat(get("/api/cohorts/{id}/quiet-pairs", cohort).get("pairs").size()).isZero();
            post("/api/pairs/" + pair + "/early-end", "{\"reason\":\"CHANGED_JOBS\"}");

            List<String> types = List.of("nl.instroom.mentoring.PairMatched.v1",
                    "nl.instroom.mentoring.PairActivated.v1", "nl.instroom.mentoring.MeetingLogged.v1",
                    "nl.instroom.mentoring.PairWentQuiet.v1", "nl.instroom.mentoring.PairEnded.v1");
            for (String type : types) {
                topic.awaitRecord(r -> pair.equals(r.key()) && type.equals(TopicProbe.header(r, "ce_type")));
            }
            List<ConsumerRecord<String, byte[]>> ours = topic.seen().stream().filter(r -> pair.equals(r.key()))
                    .toList();
            assertThat(ours).hasSizeGreaterThanOrEqualTo(6);
            assertThat(ours).as("flagged once per quiet spell").filteredOn(r -> "nl.instroom.mentoring.PairWentQuiet.v1"
                    .equals(TopicProbe.header(r, "ce_type"))).hasSize(1);
            for (ConsumerRecord<String, byte[]> record : ours) {
                String value = new String(record.value(), StandardCharsets.UTF_8);
                assertThat(value).doesNotContainIgnoringCase("Oosterhuis").doesNotContainIgnoringCase("Brandsma")
                        .doesNotContain(EMAIL, BOARD, GOAL, FEEDBACK, ACCOUNT, "WELLBEING");
            }
            String ended = new String(topic.awaitRecord(r -> pair.equals(r.key())
                    && "nl.instroom.mentoring.PairEnded.v1".equals(TopicProbe.header(r, "ce_type"))).value(),
                    StandardCharsets.UTF_8);
            assertThat(ended).contains("\"reason\":\"CHANGED_JOBS\"", "\"meetings\":2");
        }
    }

    @Test
    void afterAnErasureNoCollectionHoldsThePerson(TestInfrastructure infrastructure) {
        String cohort = openCohort("Erasure");
        String pair = activePair(cohort);
        post("/api/pairs/" + pair + "/goals", "{\"side\":\"SCHOOL_LEADER\",\"text\":\"" + GOAL + "\"}");
        post("/api/pairs/" + pair + "/feedback", "{\"side\":\"SCHOOL_LEADER\",\"moment\":\"MIDWAY\",\"score\":4,"
                + "\"text\":\"" + FEEDBACK + "\"}");
        post("/api/cohorts/" + cohort + "/matching-runs", "{}");
        String leaderRef = get("/api/pairs/{id}", pair).get("pair").get("leaderRef").asString();
        String requestId = UUID.randomUUID().toString();

        try (EventProducer identity = EventProducer.as("identity", infrastructure);
                TopicProbe answers = TopicProbe.on(infrastructure, Topics.ERASURE_ANSWERS)) {
            identity.publish(new SubjectErasureRequested(requestId, SubjectKind.EXTERNAL, leaderRef));
            ConsumerRecord<String, byte[]> answer = answers.awaitRecord(r -> requestId.equals(r.key())
                    && new String(r.value(), StandardCharsets.UTF_8).contains("\"service\":\"mentoring\""));
            assertThat(new String(answer.value(), StandardCharsets.UTF_8)).doesNotContain("\"recordsErased\":0");
        }

        await("nothing of the school leader remains once the outboxes are published").untilAsserted(() -> {
            for (String collection : mongo.getCollectionNames()) {
                for (Document document : mongo.findAll(Document.class, collection)) {
                    assertThat(document.toJson()).as("%s", collection).doesNotContain(leaderRef, NAME, EMAIL, BOARD,
                            GOAL, FEEDBACK, ACCOUNT);
                }
            }
        });
        JsonNode detail = get("/api/pairs/{id}", pair);
        assertThat(detail.get("pair").get("leaderRef").asString()).isEqualTo("erased");
        assertThat(detail.get("goals").size()).isZero();
        assertThat(detail.get("feedback").get(0).get("score").asInt()).as("the score stays for the figures")
                .isEqualTo(4);
        assertThat(get("/api/cohorts/{id}/figures", cohort).get("pairsStarted").asInt()).isEqualTo(1);
    }

    /** A school leader (with a staff link, or none) whose pair with an executive of their own has started. */
    private void startedLeader(String cohort, String name, String staffLink) {
        String email = name.toLowerCase(java.util.Locale.ROOT).replace(' ', '.') + "@example.org";
        String questionnaire = schoolLeader(name, email, "AM36", "Bestuur " + name, "{\"LEADERSHIP\":2}", "[]");
        if (staffLink != null) {
            questionnaire = questionnaire.replace("\"consent\":true", "\"consent\":true,\"staffLink\":\""
                    + staffLink + "\",\"staffLinkConsent\":true");
        }
        ResponseEntity<String> leader = post("/api/cohorts/" + cohort + "/sign-ups", questionnaire);
        assertThat(leader.getStatusCode().value()).as(leader.getBody()).isEqualTo(201);
        ResponseEntity<String> executive = post("/api/cohorts/" + cohort + "/sign-ups", executive("Bestuurder "
                + name, "b." + email, "AM36", "Bedrijf " + name, "{\"LEADERSHIP\":1}", 1, "[]"));
        String pair = json(post("/api/cohorts/" + cohort + "/pairs", "{\"leader\":\"" + json(leader).get("id")
                .asString() + "\",\"executive\":\"" + json(executive).get("id").asString() + "\"}"))
                .get("id").asString();
        post("/api/pairs/" + pair + "/acceptance", "{\"side\":\"SCHOOL_LEADER\"}");
        post("/api/pairs/" + pair + "/acceptance", "{\"side\":\"EXECUTIVE\"}");
        assertThat(post("/api/pairs/" + pair + "/activation", "{}").getStatusCode().value()).isEqualTo(200);
    }

    private double consumed(String consumer, String outcome) {
        return meters.find("instroom.events.consumed").tags("consumer", consumer, "outcome", outcome).counters()
                .stream().mapToDouble(io.micrometer.core.instrument.Counter::count).sum();
    }

    /**
     * The ★ figures from the real topics: a linked school leader's leaving month (stay.departures.v1) and their
     * ambassador nomination (scouting.talent.v1) are counted for a school taking part in stay interviews
     * (stay.signals.v1); the same facts about a person no sign-up links are dropped and stored nowhere, not even
     * as a hash; the reference itself is kept nowhere, and is not on mentoring's topic; an erasure request of kind
     * STAFF removes the link.
     */
    @Test
    void aLinkedLeadersDepartureAndNominationAreCountedAndAnUnlinkedPersonsAreDroppedAndStoredNowhere(
            TestInfrastructure infrastructure) {
        String programme = json(post("/api/programmes", "{\"name\":\"Cross-mentoring behoud\"}")).get("id")
                .asString();
        LocalDate today = today();
        String cohort = json(post("/api/programmes/" + programme + "/cohorts", """
                {"name":"Behoud","signUpOpens":"%s","signUpCloses":"%s","starts":"%s","ends":"%s"}"""
                .formatted(today.minusDays(7), today, today, today.plusMonths(4)))).get("id").asString();
        String school = "21CM07";
        String leaving = school + ":SL-" + UUID.randomUUID().toString().substring(0, 8);
        String staying = school + ":SL-" + UUID.randomUUID().toString().substring(0, 8);
        String unlinked = school + ":T-" + UUID.randomUUID().toString().substring(0, 8);
        String linkedTalent = "talent-" + UUID.randomUUID();
        String unlinkedTalent = "talent-" + UUID.randomUUID();
        double droppedDepartures = consumed("staffDepartures", "ignored");
        double droppedTalentEvents = consumed("talentEvents", "ignored");

        try (TopicProbe pairs = TopicProbe.on(infrastructure, Topics.MENTORING_PAIRS);
                EventProducer stayInterviews = EventProducer.as("stay-interviews", infrastructure);
                EventProducer scouting = EventProducer.as("scouting", infrastructure)) {
            startedLeader(cohort, "Anouk Leaving", leaving);
            startedLeader(cohort, "Bart Staying", staying);
            startedLeader(cohort, "Cor Unlinked", null);
            assertThat(get("/api/cohorts/{id}/sign-ups", cohort).toString()).as("the coordinator sees the school only")
                    .contains("\"staffLinkSchool\":\"" + school + "\"").doesNotContain(leaving, staying);

            stayInterviews.publish(new StayInterviewHeld(school, today, RiskBand.LOW));
            stayInterviews.publish(new StaffMemberLeft(school, leaving, YearMonth.from(today.plusMonths(2))));
            stayInterviews.publish(new StaffMemberLeft(school, unlinked, YearMonth.from(today.plusMonths(1))));
            scouting.publish(new TalentFlagged(linkedTalent, PersonKind.STAFF, staying, TalentKind.AMBASSADOR,
                    "AM36", 1));
            scouting.publish(new AmbassadorNominated(linkedTalent, staying, school, "AM36", 3));
            scouting.publish(new TalentFlagged(unlinkedTalent, PersonKind.STAFF, unlinked, TalentKind.AMBASSADOR,
                    "AM36", 1));
            scouting.publish(new AmbassadorNominated(unlinkedTalent, unlinked, school, "AM36", 3));

            await("the linked leaders' facts are counted").untilAsserted(() -> {
                JsonNode shortage = get("/api/cohorts/{id}/figures", cohort).get("shortage");
                assertThat(shortage.get("leadersTookPart").asInt()).isEqualTo(3);
                assertThat(shortage.get("followed").asInt()).isEqualTo(2);
                assertThat(shortage.get("left").asInt()).isEqualTo(1);
                assertThat(shortage.get("stayed").asInt()).isEqualTo(1);
                assertThat(shortage.get("unknown").asInt()).isEqualTo(1);
                assertThat(shortage.get("ambassadors").asInt()).isEqualTo(1);
            });
            await("the unlinked person's departure, flag and nomination were handled, and dropped").untilAsserted(
                    () -> {
                        assertThat(consumed("staffDepartures", "ignored") - droppedDepartures).isEqualTo(1);
                        assertThat(consumed("talentEvents", "ignored") - droppedTalentEvents).isEqualTo(2);
                    });
            String unlinkedHash = staffLinks.hashOf(unlinked);
            for (String collection : mongo.getCollectionNames()) {
                for (Document document : mongo.findAll(Document.class, collection)) {
                    assertThat(document.toJson()).as("%s", collection).doesNotContain(unlinked, unlinkedHash,
                            unlinkedTalent, leaving, staying);
                }
            }
            List<ConsumerRecord<String, byte[]>> ours = pairs.awaitRecords(6, r -> new String(r.value(),
                    StandardCharsets.UTF_8).contains(cohort));
            for (ConsumerRecord<String, byte[]> record : ours) {
                assertThat(new String(record.value(), StandardCharsets.UTF_8)).as("no names or links on the topic")
                        .doesNotContain(leaving, staying, staffLinks.hashOf(leaving), staffLinks.hashOf(staying),
                                "Anouk", "Bart", "Cor Unlinked", school);
            }
        }

        String requestId = UUID.randomUUID().toString();
        try (EventProducer identity = EventProducer.as("identity", infrastructure);
                TopicProbe answers = TopicProbe.on(infrastructure, Topics.ERASURE_ANSWERS)) {
            identity.publish(new SubjectErasureRequested(requestId, SubjectKind.STAFF, leaving));
            answers.awaitRecord(r -> requestId.equals(r.key())
                    && new String(r.value(), StandardCharsets.UTF_8).contains("\"service\":\"mentoring\""));
        }
        JsonNode shortage = get("/api/cohorts/{id}/figures", cohort).get("shortage");
        assertThat(shortage.get("followed").asInt()).as("the erased link is no longer followed").isEqualTo(1);
        assertThat(shortage.get("unknown").asInt()).isEqualTo(2);
        String leavingHash = staffLinks.hashOf(leaving);
        for (Document document : mongo.findAll(Document.class, "sign_ups")) {
            assertThat(document.toJson()).doesNotContain(leavingHash);
        }
    }
}
