package nl.instroom.e2e.faults;

import static nl.instroom.e2e.RunningStack.NEED_MAPPING;
import static nl.instroom.e2e.RunningStack.REGION;
import static nl.instroom.e2e.RunningStack.TUTORING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.instroom.e2e.RunningStack;
import nl.instroom.events.Topics;
import nl.instroom.testing.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * Each fault on the running stack, with the user-visible stimulus (vacancies opened through need-mapping's API) and
 * the user-visible outcome (tutoring's projection of open vacancies at that school): every vacancy the API accepted
 * arrives exactly once, whatever broke in between.
 */
@ExtendWith(RunningStack.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultsIT {

    private static final String BOOTSTRAP = "127.0.0.1:9092";
    private static final String VACANCIES_DLQ = Topics.deadLetterTopic(Topics.VACANCIES, "tutoring");
    private static final List<String> REPORT = new ArrayList<>();
    private static List<String> schools;

    private final RestClient needMapping = RunningStack.as("COORDINATOR", NEED_MAPPING);
    private final RestClient tutoring = RunningStack.as("COORDINATOR", TUTORING);

    @BeforeAll
    static void schoolsToWorkWith() {
        JsonNode ranking = RunningStack.as("COORDINATOR", NEED_MAPPING).get()
                .uri("/api/need/ranking?region={r}&limit=40", REGION).retrieve().body(JsonNode.class);
        schools = ranking.valueStream().map(s -> s.get("vestigingscode").asString())
                .filter(code -> !code.equals(RunningStack.hrSchool())).toList();
        REPORT.add("| fault | sent (accepted by the API) | applied by tutoring | duplicates ignored | dead-lettered | lost |");
        REPORT.add("|---|---:|---:|---:|---:|---:|");
    }

    @AfterAll
    static void writeReport() throws IOException {
        Path report = Path.of("target/faults-report.md");
        Files.writeString(report, String.join("\n", REPORT) + "\n");
        System.out.println(String.join("\n", REPORT));
    }

    @Test
    @Order(1)
    void theBrokerKilledWhileVacanciesAreOpenedLosesNone() throws Exception {
        String school = schools.get(0);
        RunningStack.stack().killBroker();
        // The API still accepts: each vacancy and its event are written to the store together, the relay waits.
        Set<String> sent = openVacancies(school, 20);
        RunningStack.stack().startBrokerAgain();

        Set<String> applied = awaitProjection(school, sent, Duration.ofMinutes(3));
        report("broker killed (SIGKILL) and restarted", sent, applied, "", "–", 0);
    }

    @Test
    @Order(2)
    void tutoringKilledMidConsumptionAppliesEverythingOnceAfterItsRestart() throws Exception {
        String school = schools.get(1);
        Set<String> sent = new HashSet<>(openVacancies(school, 10));
        RunningStack.stack().kill("tutoring");
        sent.addAll(openVacancies(school, 20));
        RunningStack.stack().startAgain("tutoring");

        Set<String> applied = awaitProjection(school, sent, Duration.ofMinutes(3));
        report("tutoring killed (SIGKILL) mid-consumption, restarted", sent, applied, "",
                String.valueOf(consumed(TUTORING, "vacancyEvents", "ignored")), 0);
    }

    @Test
    @Order(3)
    void tutoringsStoreStoppedAndRestartedLosesNothingAndDeadLettersNothing() throws Exception {
        String school = schools.get(2);
        try (TopicProbe deadLetters = TopicProbe.on(BOOTSTRAP, VACANCIES_DLQ)) {
            int parkedBefore = deadLetters.seen().size();
            RunningStack.stack().stopProcess("store-tutoring");
            Set<String> sent = openVacancies(school, 15);
            RunningStack.stack().startAgain("store-tutoring");

            Set<String> applied = awaitProjection(school, sent, Duration.ofMinutes(4));
            int parked = deadLetters.seen().size() - parkedBefore;
            assertThat(parked).as("a store outage is transient: retried, never parked").isZero();
            report("tutoring's store stopped and restarted", sent, applied, "", "–", parked);
        }
    }

    @Test
    @Order(4)
    void duplicatedAndGarbageRecordsFromKcatChangeNothingAndGarbageIsParked() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/kcat")), "kcat is not installed (apt-get install kcat)");
        String school = schools.get(3);
        Set<String> sent = openVacancies(school, 5);
        awaitProjection(school, sent, Duration.ofMinutes(1));
        long ignoredBefore = consumed(TUTORING, "vacancyEvents", "ignored");

        try (TopicProbe vacancies = TopicProbe.on(BOOTSTRAP, Topics.VACANCIES);
                TopicProbe deadLetters = TopicProbe.on(BOOTSTRAP, VACANCIES_DLQ)) {
            String victim = sent.iterator().next();
            ConsumerRecord<String, byte[]> original = vacancies.awaitRecord(TopicProbe.withKey(victim));
            for (int i = 0; i < 3; i++) {
                kcatProduce(victim, TopicProbe.headers(original), new String(original.value(), StandardCharsets.UTF_8));
            }
            kcatProduce("garbage-1", Map.of(), "this is not an event");
            kcatProduce("garbage-2", Map.of("ce_specversion", "1.0", "ce_id", "g2", "ce_source", "kcat",
                    "ce_type", "nl.instroom.nowhere.Unknown.v1", "content-type", "application/json"), "{\"a\":1}");
            kcatProduce("garbage-3", Map.of("ce_specversion", "1.0", "ce_id", "g3", "ce_source", "kcat",
                    "ce_type", "nl.instroom.needmap.VacancyOpened.v1", "content-type", "application/json"), "{not json");

            List<ConsumerRecord<String, byte[]>> parked = await().atMost(Duration.ofSeconds(90)).until(
                    () -> deadLetters.seen().stream()
                            .filter(r -> r.key() != null && r.key().startsWith("garbage-")).toList(),
                    list -> list.size() == 3);
            await().atMost(Duration.ofSeconds(60)).until(() -> consumed(TUTORING, "vacancyEvents", "ignored")
                    >= ignoredBefore + 3);
            Set<String> applied = awaitProjection(school, sent, Duration.ofSeconds(30));
            report("3 duplicates of a real event and 3 garbage records written with kcat", sent, applied,
                    " (+ 3 duplicates, 3 garbage)", String.valueOf(consumed(TUTORING, "vacancyEvents", "ignored") - ignoredBefore),
                    parked.size());
        }
    }

    private Set<String> openVacancies(String school, int count) {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < count; i++) {
            var response = needMapping.post().uri("/api/vacancies").contentType(MediaType.APPLICATION_JSON).body("""
                    {"schoolCode":"%s","subject":"engels","fte":0.4,"hoursPerWeek":10,"startDate":"%s","urgency":"NORMAL"}"""
                    .formatted(school, LocalDate.now().plusMonths(2))).retrieve().toEntity(JsonNode.class);
            assertThat(response.getStatusCode().value()).isEqualTo(201);
            ids.add(response.getBody().get("id").asString());
        }
        return ids;
    }

    private List<JsonNode> openAt(String school) {
        return tutoring.get().uri("/api/needs/open-vacancies?schoolCode={s}", school).retrieve().body(JsonNode.class)
                .valueStream().toList();
    }

    /** Waits until tutoring shows exactly the vacancies sent, each once; returns what it shows. */
    private Set<String> awaitProjection(String school, Set<String> sent, Duration atMost) {
        await().atMost(atMost).pollInterval(Duration.ofMillis(500)).ignoreExceptions().untilAsserted(() -> {
            List<String> ids = openAt(school).stream().map(v -> v.get("vacancyId").asString()).toList();
            assertThat(ids).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(sent);
        });
        return new HashSet<>(openAt(school).stream().map(v -> v.get("vacancyId").asString()).toList());
    }

    /** A consumer's outcome counter, from the service's Prometheus endpoint (since that process started). */
    private static long consumed(int port, String consumer, String outcome) {
        String metrics = RunningStack.as("ADMIN", port).get().uri("/actuator/prometheus").retrieve().body(String.class);
        Matcher m = Pattern.compile("instroom_events_consumed_total\\{([^}]*)\\} ([0-9.E]+)").matcher(metrics);
        double total = 0;
        while (m.find()) {
            if (m.group(1).contains("consumer=\"" + consumer + "\"") && m.group(1).contains("outcome=\"" + outcome + "\"")) {
                total += Double.parseDouble(m.group(2));
            }
        }
        return (long) total;
    }

    /** Writes one record with kcat, a client that shares no code with the services. */
    private static void kcatProduce(String key, Map<String, String> headers, String value) throws Exception {
        List<String> command = new ArrayList<>(List.of("/usr/bin/kcat", "-P", "-b", BOOTSTRAP, "-t", Topics.VACANCIES,
                "-k", key));
        headers.forEach((name, v) -> command.addAll(List.of("-H", name + "=" + v)));
        Process kcat = new ProcessBuilder(command).redirectErrorStream(true).start();
        kcat.getOutputStream().write(value.getBytes(StandardCharsets.UTF_8));
        kcat.getOutputStream().close();
        assertThat(kcat.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(kcat.exitValue()).as(new String(kcat.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .isZero();
    }

    /** A line of the report; lost = vacancies the API accepted that tutoring does not show. */
    private static void report(String fault, Set<String> sent, Set<String> applied, String sentNote, String ignored,
            int parked) {
        Set<String> lost = new HashSet<>(sent);
        lost.removeAll(applied);
        REPORT.add("| " + fault + " | " + sent.size() + sentNote + " | " + applied.size() + " | " + ignored + " | "
                + parked + " | " + lost.size() + " |");
    }
}
