package nl.instroom.careeradvice.cases.web;

import static nl.instroom.careeradvice.AdviceFixtures.json;
import static nl.instroom.careeradvice.AdviceFixtures.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.instroom.careeradvice.AdviceFixtures;
import nl.instroom.testing.InstroomInfrastructure;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

/**
 * Booking a conversation without signing in: a slot is booked once, also when fifty people ask for the last free
 * slot at the same moment; a refused request stores nothing; a returning e-mail address finds its case; and the
 * answer never tells whose case it is.
 */
@InstroomInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.mongodb.database=career-advice-booking")
class BookingIT {

    static final int PEOPLE = 50;

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    AdviceFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new AdviceFixtures(port);
    }

    @Autowired
    MongoClient client;

    private long count(String collection) {
        return mongo.getCollection(collection).countDocuments();
    }

    /** The case keys, in the key database apart from the cases (docs/career-advice.md, "Privacy design"). */
    private long caseKeys() {
        return client.getDatabase(mongo.getDb().getName() + "-keys").getCollection("case_keys").countDocuments();
    }

    @Test
    void fiftyPeopleAskingForTheLastFreeSlotAtOnceBookItExactlyOnceAndTheOthersGetAProblem() throws Exception {
        String slot = fixtures.slot(fixtures.advisor("advisor-last-slot"));
        long casesBefore = count("advice_cases");
        long keysBefore = caseKeys();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(PEOPLE);
        List<Future<ResponseEntity<String>>> answers = new ArrayList<>();
        try {
            for (int person = 0; person < PEOPLE; person++) {
                String body = AdviceFixtures.request("Persoon " + person, "persoon" + person + "@example.org",
                        "Welke route past bij mij?", slot);
                Callable<ResponseEntity<String>> ask = () -> {
                    go.await();
                    return post(fixtures.anyone(), "/api/advice-requests", body);
                };
                answers.add(pool.submit(ask));
            }
            go.countDown();
            List<ResponseEntity<String>> done = new ArrayList<>();
            for (Future<ResponseEntity<String>> answer : answers) {
                done.add(answer.get());
            }

            assertThat(done).filteredOn(answer -> answer.getStatusCode().is2xxSuccessful()).hasSize(1);
            assertThat(done).filteredOn(answer -> answer.getStatusCode().value() == 409).hasSize(PEOPLE - 1)
                    .allSatisfy(conflict -> {
                        assertThat(conflict.getHeaders().getContentType()).hasToString("application/problem+json");
                        assertThat(conflict.getBody()).contains("booked by someone else");
                    });
        } finally {
            pool.shutdownNow();
        }
        Document booked = mongo.findById(slot, Document.class, "advice_slots");
        assertThat(booked.getString("status")).isEqualTo("BOOKED");
        assertThat(count("advice_cases")).as("one case: the 49 refused stored nothing").isEqualTo(casesBefore + 1);
        assertThat(caseKeys()).as("and left no key behind").isEqualTo(keysBefore + 1);
        assertThat(mongo.find(Query.query(Criteria.where("requests.slotId").is(slot)), Document.class,
                "advice_cases")).hasSize(1);
    }

    @Test
    void aReturningEmailAddressFindsItsCaseAndTheAnswerNamesOnlyTheBookedTime() {
        String first = fixtures.slot(fixtures.advisor());
        String second = fixtures.slot(fixtures.advisor());

        JsonNode booked = json(post(fixtures.anyone(), "/api/advice-requests", AdviceFixtures.request("Joris Smit",
                "joris.smit@example.org", "Kan ik met een hbo-diploma techniek in het mbo lesgeven?", first)), 201);
        String caseId = fixtures.caseOf("joris.smit@example.org");
        JsonNode again = json(post(fixtures.anyone(), "/api/advice-requests", AdviceFixtures.request("Joris Smit",
                "Joris.Smit@Example.org", "Ik wil nu ook weten wat de subsidie zij-instroom is.", second)), 201);

        assertThat(booked.properties()).extracting(java.util.Map.Entry::getKey)
                .containsExactlyInAnyOrder("bookingReference", "start", "end");
        assertThat(booked.toString() + again).doesNotContain(caseId);
        assertThat(fixtures.caseOf("joris.smit@example.org")).isEqualTo(caseId);
        JsonNode advice = json(fixtures.advisor().get().uri("/api/cases/{id}", caseId).retrieve()
                .toEntity(String.class), 200);
        assertThat(advice.get("requests")).hasSize(2);
        assertThat(advice.get("appointments")).hasSize(2);
        assertThat(advice.get("email").asString()).isEqualTo("joris.smit@example.org");
        Document stored = mongo.findById(caseId, Document.class, "advice_cases");
        assertThat(stored.toJson()).as("at rest the e-mail address is sealed and found by its keyed digest only")
                .doesNotContainIgnoringCase("joris.smit@example.org").doesNotContain("Joris Smit")
                .doesNotContain("subsidie zij-instroom");
    }

    @Test
    void aRequestWithoutConsentOrWithAnotherRetentionPeriodIsAProblemAndStoresAndBooksNothing() {
        String slot = fixtures.slot(fixtures.advisor());
        long cases = count("advice_cases");
        long keys = caseKeys();

        ResponseEntity<String> noConsent = post(fixtures.anyone(), "/api/advice-requests",
                AdviceFixtures.request("Eva", "eva.noconsent@example.org", "Vraag", slot)
                        .replace("\"consent\":true", "\"consent\":false"));
        ResponseEntity<String> badRetention = post(fixtures.anyone(), "/api/advice-requests",
                AdviceFixtures.request("Eva", "eva.noconsent@example.org", "Vraag", slot)
                        .replace("\"retentionMonths\":12", "\"retentionMonths\":120"));
        ResponseEntity<String> badEmail = post(fixtures.anyone(), "/api/advice-requests",
                AdviceFixtures.request("Eva", "not-an-address", "Vraag", slot));
        ResponseEntity<String> unknownSlot = post(fixtures.anyone(), "/api/advice-requests",
                AdviceFixtures.request("Eva", "eva.noconsent@example.org", "Vraag", "no-such-slot"));

        assertThat(List.of(noConsent, badRetention, badEmail)).allSatisfy(answer -> {
            assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(400);
            assertThat(answer.getHeaders().getContentType()).hasToString("application/problem+json");
        });
        assertThat(unknownSlot.getStatusCode().value()).isEqualTo(404);
        assertThat(count("advice_cases")).isEqualTo(cases);
        assertThat(caseKeys()).isEqualTo(keys);
        assertThat(mongo.findById(slot, Document.class, "advice_slots").getString("status")).isEqualTo("FREE");
    }

    @Test
    void freeSlotsShowTimesOnlyAndAnAdviserManagesOnlyTheirOwnSlots() {
        String slot = fixtures.slot(fixtures.advisor("advisor-own"));

        String free = fixtures.anyone().get().uri("/api/slots").retrieve().body(String.class);
        ResponseEntity<String> othersWithdrawal = fixtures.advisor("advisor-other").delete()
                .uri("/api/slots/{id}", slot).retrieve().toEntity(String.class);
        ResponseEntity<String> overlapping = post(fixtures.advisor("advisor-own"), "/api/slots", "{\"start\":\""
                + mongo.findById(slot, Document.class, "advice_slots").getDate("start").toInstant().plusSeconds(600)
                + "\",\"minutes\":30}");

        assertThat(free).contains(slot).doesNotContain("advisor-own");
        assertThat(othersWithdrawal.getStatusCode().value()).isEqualTo(404);
        assertThat(overlapping.getStatusCode().value()).isEqualTo(409);
        assertThat(fixtures.advisor("advisor-own").delete().uri("/api/slots/{id}", slot).retrieve()
                .toBodilessEntity().getStatusCode().value()).isEqualTo(204);
    }
}
