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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.instroom.e2e.RunningStack;
import nl.instroom.events.Topics;
import nl.instroom.localstack.StackFaults;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * Each fault on the running stack while it is under load: {@value #LOAD} vacancies opened through need-mapping's
 * API (CSV imports, as coordinators upload them) and a tenth of them filled again, while the fault happens. What a
 * user sees is checked — tutoring's projection of open vacancies holds every vacancy the API accepted and still
 * open, each once — and what travels: on the vacancy and need topics, each aggregate's revisions first arrive in
 * order, one after the other (a duplicate may follow, a gap or a step back may not). Nothing of this depends on
 * timing: each step waits for what it needs.
 */
@ExtendWith(RunningStack.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultsIT {

    private static final int LOAD = 1_800;
    /** Events each fault must have run under: vacancies accepted while one part was down for a third of the load. */
    private static final int AT_LEAST_ACCEPTED = 1_000;
    private static int checkedBefore;
    private static final int PER_IMPORT = 100;
    private static final String BOOTSTRAP = "127.0.0.1:9092";
    private static final String VACANCIES_DLQ = Topics.deadLetterTopic(Topics.VACANCIES, "tutoring");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> REPORT = new ArrayList<>();
    private static List<String> schools;

    private final RestClient needMapping = RunningStack.as("COORDINATOR", NEED_MAPPING);
    private final RestClient tutoring = RunningStack.as("COORDINATOR", TUTORING);

    /** What one fault's load did: vacancies opened, those filled again, and the events it caused. */
    private record Load(Set<String> opened, Set<String> filled) {

        Set<String> stillOpen() {
            Set<String> open = new HashSet<>(opened);
            open.removeAll(filled);
            return open;
        }
    }

    @BeforeAll
    static void schoolsToWorkWith() {
        JsonNode ranking = RunningStack.as("COORDINATOR", NEED_MAPPING).get()
                .uri("/api/need/ranking?region={r}&limit=60", REGION).retrieve().body(JsonNode.class);
        schools = ranking.valueStream().map(s -> s.get("vestigingscode").asString())
                .filter(code -> !code.equals(RunningStack.hrSchool())).toList();
        REPORT.add("| fault | vacancies opened / filled (accepted by the API) | events checked for order (of them "
                + "during this fault) | applied by tutoring | duplicates ignored | dead-lettered | lost | out of order |");
        REPORT.add("|---|---:|---:|---:|---:|---:|---:|---:|");
    }

    @AfterAll
    static void writeReport() throws IOException {
        Path report = Path.of("target/faults-report.md");
        Files.writeString(report, String.join("\n", REPORT) + "\n");
        System.out.println(String.join("\n", REPORT));
    }

    @Test
    @Order(1)
    void theBrokerKilledUnderLoadLosesNothingAndKeepsEachAggregatesOrder() throws Exception {
        underFault("broker killed (SIGKILL) and restarted", schools.subList(0, 6), () -> {
            faults().killBroker();
        }, () -> faults().startBrokerAgain());
    }

    @Test
    @Order(2)
    void tutoringKilledMidBatchAppliesEverythingOnceAfterItsRestart() throws Exception {
        underFault("tutoring killed (SIGKILL) mid-batch, restarted", schools.subList(6, 12),
                () -> faults().kill("tutoring"), () -> faults().startAgain("tutoring"));
    }

    @Test
    @Order(3)
    void needMappingKilledWhileItsRelayPublishesLosesNoEvent() throws Exception {
        underFault("need-mapping killed (SIGKILL) while its relay publishes, restarted", schools.subList(12, 18),
                () -> faults().kill("need-mapping"),
                () -> faults().startAgain("need-mapping"));
    }

    @Test
    @Order(4)
    void tutoringsStoreStoppedAndRestartedLosesNothingAndDeadLettersNothing() throws Exception {
        underFault("tutoring's store stopped and restarted", schools.subList(18, 24),
                () -> faults().stopProcess("store-tutoring"),
                () -> faults().startAgain("store-tutoring"));
    }

    @Test
    @Order(5)
    void needMappingsStoreKilledKeepsEveryAcknowledgedVacancy() throws Exception {
        underFault("need-mapping's store killed (SIGKILL) and restarted", schools.subList(24, 30),
                () -> faults().kill("store-need-mapping"),
                () -> faults().startAgain("store-need-mapping"));
    }

    @Test
    @Order(6)
    void duplicatedAndGarbageRecordsFromKcatChangeNothingAndGarbageIsParked() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/kcat")),
                "kcat is not installed (apt-get install kcat)");
        List<String> ours = schools.subList(30, 36);
        try (TopicProbe vacancies = TopicProbe.on(BOOTSTRAP, Topics.VACANCIES, Topics.NEED);
                TopicProbe deadLetters = TopicProbe.on(BOOTSTRAP, VACANCIES_DLQ)) {
            long ignoredBefore = consumed(TUTORING, "vacancyEvents", "ignored");
            long skippedBefore = skipped(TUTORING, "vacancyEvents");
            Load load = load(ours, () -> { }, () -> { });
            List<ConsumerRecord<String, byte[]>> originals = new ArrayList<>();
            for (String victim : List.copyOf(load.stillOpen()).subList(0, 100)) {
                originals.add(vacancies.awaitRecord(TopicProbe.withKey(victim)));
            }
            for (ConsumerRecord<String, byte[]> original : originals) {
                kcatProduce(original.key(), TopicProbe.headers(original),
                        new String(original.value(), StandardCharsets.UTF_8));
            }
            kcatProduce("garbage-1", Map.of(), "this is not an event");
            kcatProduce("garbage-2", Map.of("ce_specversion", "1.0", "ce_id", "g2", "ce_source", "kcat",
                    "ce_type", "nl.instroom.needmap.VacancyOpened.v1", "content-type", "application/json"),
                    "{not json");
            kcatProduce("new-type", Map.of("ce_specversion", "1.0", "ce_id", "g3", "ce_source", "kcat",
                    "ce_type", "nl.instroom.needmap.VacancyReopened.v1", "content-type", "application/json"),
                    "{\"vacancyId\":\"new-type\"}");

            List<ConsumerRecord<String, byte[]>> parked = await().atMost(Duration.ofSeconds(90)).until(
                    () -> deadLetters.seen().stream()
                            .filter(r -> r.key() != null && r.key().startsWith("garbage-")).toList(),
                    list -> list.size() == 2);
            await().atMost(Duration.ofSeconds(90)).until(() -> consumed(TUTORING, "vacancyEvents", "ignored")
                    >= ignoredBefore + originals.size() && skipped(TUTORING, "vacancyEvents") > skippedBefore);
            Set<String> applied = awaitProjection(ours, load, Duration.ofMinutes(2));
            int checked = assertEachAggregateInOrder(vacancies.seen());
            report(originals.size() + " duplicates of real events, 2 garbage records and 1 of a new type "
                    + "written with kcat", load, checked, applied,
                    String.valueOf(consumed(TUTORING, "vacancyEvents", "ignored") - ignoredBefore),
                    parked.size());
            assertThat(deadLetters.seen()).as("a new event type is skipped, not parked")
                    .noneMatch(record -> "new-type".equals(record.key()));
        }
    }

    /** Loads, breaks something midway, repairs it, and checks what arrived and in which order. */
    private void underFault(String fault, List<String> ours, Step breakIt, Step repairIt) throws Exception {
        try (TopicProbe topics = TopicProbe.on(BOOTSTRAP, Topics.VACANCIES, Topics.NEED);
                TopicProbe deadLetters = TopicProbe.on(BOOTSTRAP, VACANCIES_DLQ)) {
            int parkedBefore = deadLetters.seen().size();
            long ignoredBefore = consumed(TUTORING, "vacancyEvents", "ignored");
            Load load = load(ours, breakIt, repairIt);

            Set<String> applied = awaitProjection(ours, load, Duration.ofMinutes(5));
            await().atMost(Duration.ofMinutes(3)).until(() -> filledOnTopic(topics, load.filled()));
            int checked = assertEachAggregateInOrder(topics.seen());
            int parked = deadLetters.seen().size() - parkedBefore;
            assertThat(parked).as("nothing of this is ever parked").isZero();
            long ignored = consumed(TUTORING, "vacancyEvents", "ignored");
            report(fault, load, checked, applied, ignored >= ignoredBefore ? String.valueOf(ignored - ignoredBefore)
                    : "(counter restarted)", parked);
        }
    }

    /**
     * {@value #LOAD} vacancies in imports of {@value #PER_IMPORT}, with the fault after a third and the repair after
     * two thirds; then a tenth of the vacancies that were accepted are filled. Imports refused while a part is down
     * (a 5xx, or no answer) are not counted as sent: only what the API accepted must arrive.
     */
    private Load load(List<String> ours, Step breakIt, Step repairIt) throws Exception {
        Set<String> opened = new HashSet<>();
        int imports = LOAD / PER_IMPORT;
        for (int i = 0; i < imports; i++) {
            if (i == imports / 3) {
                breakIt.run();
            }
            if (i == 2 * imports / 3) {
                repairIt.run();
            }
            opened.addAll(importVacancies(ours, i));
        }
        List<String> toFill = List.copyOf(opened).subList(0, opened.size() / 10);
        Set<String> filled = new HashSet<>();
        List<CompletableFuture<Boolean>> fills = new ArrayList<>();
        for (String vacancy : toFill) {
            fills.add(CompletableFuture.supplyAsync(() -> fill(vacancy)));
        }
        for (int i = 0; i < toFill.size(); i++) {
            if (fills.get(i).get(2, TimeUnit.MINUTES)) {
                filled.add(toFill.get(i));
            }
        }
        return new Load(opened, filled);
    }

    private Set<String> importVacancies(List<String> ours, int batch) {
        StringBuilder csv = new StringBuilder("schoolCode,subject,fte,hoursPerWeek,startDate,urgency\n");
        for (int i = 0; i < PER_IMPORT; i++) {
            csv.append(ours.get((batch * PER_IMPORT + i) % ours.size())).append(",engels,0.4,10,")
                    .append(LocalDate.now().plusMonths(2)).append(",NORMAL\n");
        }
        try {
            JsonNode result = needMapping.post().uri("/api/vacancies/import").contentType(MediaType.valueOf("text/csv"))
                    .body(csv.toString()).retrieve().body(JsonNode.class);
            assertThat(result.get("rejected").size()).isZero();
            Set<String> ids = new HashSet<>();
            result.get("opened").forEach(id -> ids.add(id.asString()));
            return ids;
        } catch (RuntimeException refusedWhileDown) {
            return Set.of();
        }
    }

    private boolean fill(String vacancy) {
        for (int attempt = 0; attempt < 60; attempt++) {
            // The test client hands back every status (ApiClient): only a 2xx is a fill — or a 409 for a vacancy
            // an earlier attempt filled although its answer was lost. A 429 or a 5xx while a part is down is retried.
            try {
                int status = needMapping.post().uri("/api/vacancies/{id}/fill", vacancy).retrieve()
                        .toBodilessEntity().getStatusCode().value();
                if (status / 100 == 2 || status == 409 && "FILLED".equals(needMapping.get()
                        .uri("/api/vacancies/{id}", vacancy).retrieve().body(JsonNode.class).path("status")
                        .asString(""))) {
                    return true;
                }
            } catch (RuntimeException noAnswer) {
                // the service is down: try again
            }
            await().pollDelay(Duration.ofSeconds(1)).until(() -> true);
        }
        return false;
    }

    private boolean filledOnTopic(TopicProbe topics, Set<String> filled) {
        Set<String> seen = new HashSet<>();
        for (ConsumerRecord<String, byte[]> record : topics.seen()) {
            if ("nl.instroom.needmap.VacancyFilled.v1".equals(TopicProbe.header(record, "ce_type"))) {
                seen.add(record.key());
            }
        }
        return seen.containsAll(filled);
    }

    /**
     * Per aggregate (record key), in the order of its partition: each revision arrives for the first time right
     * after the one before it. A repeat of an earlier revision (a duplicate the relay may send after a crash) is
     * allowed; a revision arriving before its predecessor, or a gap, is a lost or reordered event.
     */
    /** The faults this suite injects, into the stack the journeys' extension started. */
    private static StackFaults faults() {
        return StackFaults.of(RunningStack.stack());
    }

    private static int assertEachAggregateInOrder(List<ConsumerRecord<String, byte[]>> records) {
        Map<String, Long> highest = new LinkedHashMap<>();
        List<String> outOfOrder = new ArrayList<>();
        int checked = 0;
        for (ConsumerRecord<String, byte[]> record : records) {
            if (record.key() == null || record.value() == null) {
                continue;
            }
            JsonNode data;
            try {
                data = JSON.readTree(record.value());
            } catch (RuntimeException notAnEvent) {
                continue;
            }
            if (!data.has("revision")) {
                continue;
            }
            String aggregate = record.topic() + "/" + record.key();
            long revision = data.get("revision").asLong();
            Long before = highest.get(aggregate);
            checked++;
            if (before == null || revision == before + 1) {
                highest.put(aggregate, revision);
            } else if (revision > before + 1) {
                outOfOrder.add(aggregate + ": " + revision + " after " + before);
                highest.put(aggregate, revision);
            }
        }
        assertThat(outOfOrder).as("revisions out of order or missing").isEmpty();
        return checked;
    }

    private List<JsonNode> openAt(String school) {
        return tutoring.get().uri("/api/needs/open-vacancies?schoolCode={s}", school).retrieve().body(JsonNode.class)
                .valueStream().toList();
    }

    /**
     * Waits until tutoring shows every vacancy of the load that is still open, each once, and none of those filled;
     * returns those it shows. (Vacancies of the demo data at the same schools are shown too, and not counted.)
     */
    private Set<String> awaitProjection(List<String> ours, Load load, Duration atMost) {
        await().atMost(atMost).pollInterval(Duration.ofSeconds(1)).ignoreExceptions().untilAsserted(() -> {
            List<String> shown = new ArrayList<>();
            ours.forEach(school -> openAt(school).forEach(v -> shown.add(v.get("vacancyId").asString())));
            assertThat(shown).as("each once: no double effects").doesNotHaveDuplicates()
                    .containsAll(load.stillOpen()).doesNotContainAnyElementsOf(load.filled());
        });
        Set<String> shown = new HashSet<>();
        ours.forEach(school -> openAt(school).forEach(v -> shown.add(v.get("vacancyId").asString())));
        shown.retainAll(load.stillOpen());
        return shown;
    }

    private void report(String fault, Load load, int checked, Set<String> applied, String duplicatesIgnored,
            int parked) {
        int lost = load.stillOpen().size() - applied.size();
        // The probes read the topics from their beginning (the order of a school's need changes spans faults).
        int duringThisFault = checked - checkedBefore;
        checkedBefore = checked;
        REPORT.add("| " + fault + " | " + load.opened().size() + " / " + load.filled().size() + " | " + checked
                + " (" + duringThisFault + ") | " + applied.size() + " | " + duplicatesIgnored + " | " + parked
                + " | " + lost + " | 0 |");
        assertThat(lost).as("lost").isZero();
        assertThat(load.opened().size()).as("vacancies accepted under this fault")
                .isGreaterThanOrEqualTo(AT_LEAST_ACCEPTED);
    }

    /** A consumer's outcome counter, from the service's Prometheus endpoint (since that process started). */
    private static long consumed(int port, String consumer, String outcome) {
        return counter(port, "instroom_events_consumed_total", consumer, "outcome=\"" + outcome + "\"");
    }

    private static long skipped(int port, String consumer) {
        return counter(port, "instroom_events_skipped_total", consumer, "reason=\"unknown-type\"");
    }

    private static long counter(int port, String name, String consumer, String tag) {
        String metrics = RunningStack.as("ADMIN", port).get().uri("/actuator/prometheus").retrieve()
                .body(String.class);
        Matcher m = Pattern.compile(name + "\\{([^}]*)\\} ([0-9.E]+)").matcher(metrics);
        double total = 0;
        while (m.find()) {
            if (m.group(1).contains("consumer=\"" + consumer + "\"") && m.group(1).contains(tag)) {
                total += Double.parseDouble(m.group(2));
            }
        }
        return (long) total;
    }

    /** Writes one record with kcat, a client that shares no code with the services. */
    private static void kcatProduce(String key, Map<String, String> headers, String value) throws Exception {
        List<String> command = new ArrayList<>(List.of("/usr/bin/kcat", "-P", "-b", BOOTSTRAP, "-t",
                Topics.VACANCIES, "-k", key));
        headers.forEach((name, v) -> command.addAll(List.of("-H", name + "=" + v)));
        Process kcat = new ProcessBuilder(command).redirectErrorStream(true).start();
        kcat.getOutputStream().write(value.getBytes(StandardCharsets.UTF_8));
        kcat.getOutputStream().close();
        assertThat(kcat.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(kcat.exitValue()).as(new String(kcat.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .isZero();
    }

    @FunctionalInterface
    private interface Step {
        void run() throws Exception;
    }
}
