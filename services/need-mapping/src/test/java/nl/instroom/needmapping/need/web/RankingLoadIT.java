package nl.instroom.needmapping.need.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.bwaldvogel.mongo.MongoServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongFunction;
import java.util.stream.Collectors;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import nl.instroom.embedded.EmbeddedMongo;
import nl.instroom.needmapping.SchoolFixtures;
import nl.instroom.needmapping.SchoolFixtures.ASchool;
import nl.instroom.testing.ApiClient;
import nl.instroom.testing.InstroomInfrastructure;
import nl.instroom.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A focused load probe of the ranking, not a test of behaviour: need-mapping with its store on a file (the local
 * stack's backend, in this JVM so one Flight Recorder recording holds both), a region of 642 schools in Rotterdam
 * (Rijnmond's size in the national file) with about 840 vacancies, then 8 clients in a closed loop on
 * {@code GET /api/need/ranking?limit=50} and, as the baseline, on one school's need. Prints requests per second and
 * percentiles, the service's CPU time per request, and writes {@code target/ranking-load.jfr}. Opt-in:
 * {@code -Dinstroom.test.ranking-load=true}. Add {@code -DargLine=-XX:FlightRecorderOptions:stackdepth=256}: a
 * request's stacks are deeper than the recorder's default of 64 frames, and cut there the outermost Instroom frame
 * left ({@code RequestSizeLimit}, the first filter) takes the blame for the token check and Spring's filters beneath.
 */
@EnabledIfSystemProperty(named = "instroom.test.ranking-load", matches = "true")
@InstroomInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.mongodb.database=needmapping-ranking-load"})
@DirtiesContext
class RankingLoadIT {

    private static final String REGION = "AM22";
    private static final int SCHOOLS = 642;
    private static final int VACANCIES = 844;
    private static final int CLIENTS = 8;
    private static final String CLIENT_THREADS = "ranking-load-client-";
    private static final MongoServer STORE;
    private static final String STORE_URI;

    static {
        try {
            Path file = Files.createTempFile("ranking-load", ".mv");
            Files.delete(file);
            STORE = EmbeddedMongo.persistent(file);
            InetSocketAddress address = STORE.bind();
            STORE_URI = "mongodb://" + address.getHostString() + ":" + address.getPort();
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> STORE_URI);
    }

    @LocalServerPort
    int port;

    @Test
    void rankingUnderLoad() throws Exception {
        List<ASchool> schools = rotterdamSchools();
        var admin = ApiClient.as(TestTokens.instance().admin(), port);
        for (int from = 0; from < schools.size(); from += 200) {
            SchoolFixtures.registered(admin, schools.subList(from, Math.min(from + 200, schools.size()))
                    .toArray(ASchool[]::new));
        }
        String coordinator = TestTokens.instance().token("coordinator-" + REGION, List.of("COORDINATOR"), REGION,
                null);
        Random random = new Random(16);
        String[] subjects = {"groepsleerkracht", "wiskunde", "nederlands", "engels", "duits", "natuurkunde"};
        StringBuilder csv = new StringBuilder("vestigingscode;vak;fte;uren;startdatum;urgentie\n");
        for (int i = 0; i < VACANCIES; i++) {
            csv.append(schools.get(random.nextInt(SCHOOLS * 2 / 3)).code()).append(';')
                    .append(subjects[random.nextInt(subjects.length)]).append(";0,8;32;2027-01-01;normaal\n");
        }
        var imported = ApiClient.as(coordinator, port).post().uri("/api/vacancies/import")
                .contentType(MediaType.valueOf("text/csv")).body(csv.toString()).retrieve().toEntity(String.class);
        assertThat(imported.getStatusCode().value()).as(imported.getBody()).isEqualTo(200);
        await().atMost(Duration.ofMinutes(3)).untilAsserted(() -> {
            JsonNode summary = ApiClient.as(coordinator, port).get().uri("/api/need/summary").retrieve()
                    .body(JsonNode.class);
            assertThat(summary.get("schools").asInt()).isEqualTo(SCHOOLS);
            double open = 0;
            for (JsonNode subject : summary.get("bySubject")) {
                open += subject.get("openFte").asDouble();
            }
            assertThat(open).isCloseTo(VACANCIES * 0.8, org.assertj.core.data.Offset.offset(0.01));
        });

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String base = "http://localhost:" + port;
        LongFunction<HttpRequest> ranking = n -> HttpRequest.newBuilder(URI.create(base
                + "/api/need/ranking?limit=50")).header("Authorization", "Bearer " + coordinator).GET().build();
        LongFunction<HttpRequest> school = n -> HttpRequest.newBuilder(URI.create(base + "/api/need/schools/"
                + schools.get((int) (n % 50)).code())).header("Authorization", "Bearer " + coordinator).GET().build();

        Recording recording = new Recording(Configuration.getConfiguration("profile"));
        load(http, ranking, 5);
        recording.start();
        String rankingFigures = load(http, ranking, 15);
        recording.stop();
        Path jfr = Path.of("target", "ranking-load.jfr");
        recording.dump(jfr);
        recording.close();
        load(http, school, 5);
        String baselineFigures = load(http, school, 15);
        System.out.println("RANKING-LOAD ranking  " + rankingFigures);
        System.out.println("RANKING-LOAD baseline " + baselineFigures);
        System.out.println("RANKING-LOAD profile  " + jfr.toAbsolutePath());
        STORE.shutdownNow();
    }

    /** A closed loop of {@link #CLIENTS} clients for the seconds given: requests per second and percentiles. */
    private static String load(HttpClient http, LongFunction<HttpRequest> request, int seconds) throws Exception {
        java.util.concurrent.atomic.AtomicInteger named = new java.util.concurrent.atomic.AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS,
                task -> new Thread(task, CLIENT_THREADS + named.getAndIncrement()));
        Map<Long, Long> cpuBefore = serviceCpu();
        List<Future<long[]>> results = new ArrayList<>();
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            results.add(clients.submit(() -> {
                List<Long> times = new ArrayList<>();
                long n = client;
                int errors = 0;
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    HttpResponse<String> response = http.send(request.apply(n), HttpResponse.BodyHandlers.ofString());
                    times.add(System.nanoTime() - t0);
                    if (response.statusCode() != 200) {
                        errors++;
                    }
                    n += CLIENTS;
                }
                long[] out = new long[times.size() + 1];
                out[0] = errors;
                for (int i = 0; i < times.size(); i++) {
                    out[i + 1] = times.get(i);
                }
                return out;
            }));
        }
        List<Long> all = new ArrayList<>();
        long errors = 0;
        for (Future<long[]> result : results) {
            long[] out = result.get();
            errors += out[0];
            for (int i = 1; i < out.length; i++) {
                all.add(out[i]);
            }
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        long cpu = 0;
        for (Map.Entry<Long, Long> thread : serviceCpu().entrySet()) {
            cpu += thread.getValue() - cpuBefore.getOrDefault(thread.getKey(), 0L);
        }
        clients.shutdown();
        all.sort(null);
        return "%.1f req/s, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, %d requests, %d errors, %.2f ms CPU per request"
                .formatted(all.size() / elapsed, pct(all, 0.50), pct(all, 0.95), pct(all, 0.99), all.size(), errors,
                        cpu / 1e6 / Math.max(1, all.size()));
    }

    /**
     * CPU time so far of each live thread of this JVM but the load's clients (their pool and the HTTP client's
     * threads): Tomcat's, the store's, the driver's. Less sensitive than the rate to what else runs on the machine,
     * which on shared cores moved the rates of repeated runs by a third and more.
     */
    private static Map<Long, Long> serviceCpu() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<Long, Long> cpu = new HashMap<>();
        for (ThreadInfo thread : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (thread != null && !thread.getThreadName().startsWith(CLIENT_THREADS)
                    && !thread.getThreadName().startsWith("HttpClient-")) {
                long nanos = threads.getThreadCpuTime(thread.getThreadId());
                if (nanos >= 0) {
                    cpu.put(thread.getThreadId(), nanos);
                }
            }
        }
        return cpu;
    }

    private static double pct(List<Long> sorted, double p) {
        return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1))
                / 1e6;
    }

    /** 642 schools spread over Rotterdam's postcode areas (Rijnmond, AM22), a third of them primary. */
    private static List<ASchool> rotterdamSchools() throws Exception {
        List<String[]> areas;
        try (var in = new BufferedReader(new InputStreamReader(RankingLoadIT.class.getResourceAsStream(
                "/regions/geonames-nl-pc4.tsv"), StandardCharsets.UTF_8))) {
            areas = in.lines().map(line -> line.split("\t")).filter(f -> f[6].equals("0599") && !f[1].equals("2761"))
                    .collect(Collectors.toList());
        }
        List<ASchool> schools = new ArrayList<>();
        for (int i = 0; i < SCHOOLS; i++) {
            String[] area = areas.get(i % areas.size());
            String code = "%02d%c%c%02d".formatted(i / 100 + 10, 'A' + (i / 10) % 10, 'A' + i % 10, i % 7);
            boolean primary = i % 3 == 0;
            schools.add(new ASchool(code, (primary ? "Basisschool " : "College ") + code,
                    primary ? "basisschool" : "HAVO/VWO", "ROTTERDAM", area[1] + "AB", primary ? 250 : 900,
                    Double.parseDouble(area[10]), Double.parseDouble(area[9])));
        }
        return schools;
    }
}
