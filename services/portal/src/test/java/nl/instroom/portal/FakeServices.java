package nl.instroom.portal;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The services and the identity server as the portal sees them, on one local port: realistic answers shaped like
 * the real APIs (need-mapping's ranking with components, tutoring's tutors, runs and placements, identity's erasure
 * requests, the audit trail), problem details where the real service refuses, and an authorization endpoint that
 * checks PKCE and signs ID tokens, for the browser tests. Every API call must carry a bearer token.
 */
final class FakeServices implements AutoCloseable {

    /** A call the portal made: method, path with query, the bearer token and the body. */
    record Call(String method, String path, String token, String body) {
    }

    /** Someone who can sign in at the fake identity server. */
    record Person(String username, String role, String region, String school) {
    }

    static final List<Person> PEOPLE = List.of(
            new Person("coordinator", "COORDINATOR", "AM36", null),
            new Person("hr", "SCHOOL_HR", "AM36", "21CM00"),
            new Person("scout", "TALENT_SCOUT", "AM36", null),
            new Person("admin", "ADMIN", null, null),
            new Person("national", "NATIONAL_VIEWER", null, null),
            new Person("advisor", "ADVISOR", null, null),
            new Person("programme", "PROGRAMME_COORDINATOR", null, null),
            new Person("deelnemer", "MENTORING_PARTICIPANT", null, null));

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The services whose published APIs these fakes stand in for ({@link OpenApiContract}). */
    static final String[] DOCUMENTED_BY = {"need-mapping", "tutoring", "scouting", "stay-interviews", "identity"};

    private final HttpServer server;
    /**
     * One signing key for the test JVM: the portal keeps the key set it fetched, and the fakes behind
     * {@link SharedPortal}'s doors change per test class while the portal stays.
     */
    private static final RSAKey KEY = newKey();
    private final RSAKey key = KEY;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, Map<String, Object>> runs = new ConcurrentHashMap<>();
    /** Placements at 21CM00, one per status a page acts on; they move on as tutoring's would. */
    private final Map<String, Map<String, Object>> placements = new java.util.concurrent.ConcurrentSkipListMap<>();
    /** School HR's staff at 21CM00 by reference; registration adds, a leaving date changes. */
    private final Map<String, Map<String, Object>> staffMembers = new java.util.concurrent.ConcurrentSkipListMap<>();
    /** The overdue follow-up actions, as {@code staffRef/interviewId/index}; marking one done removes it. */
    private final List<String> overdue = new CopyOnWriteArrayList<>(List.of("T-0042/i-1/0", "T-0042/i-1/1"));
    private final Map<String, String[]> codes = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    private volatile boolean down;

    /** Started for a test class's static set-up, where a checked exception cannot be thrown. */
    static FakeServices started() {
        try {
            return new FakeServices();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    FakeServices() throws Exception {
        for (String[] seed : new String[][] {{"placement-1", "PROPOSED"}, {"placement-2", "ACTIVE"},
                {"placement-3", "CONFIRMED"}, {"placement-4", "ACTIVE"}, {"placement-5", "CONFIRMED"}}) {
            placements.put(seed[0], placement(seed[0], seed[1]));
        }
        staffMembers.put("T-0042", staff("T-0042", "2025-10-01"));
        staffMembers.put("T-0077", staff("T-0077", null));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        OpenApiContract.install(server.createContext("/", this::handle), DOCUMENTED_BY);
        server.start();
    }

    private static RSAKey newKey() {
        try {
            return new RSAKeyGenerator(2048).keyID("fake").generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    /** Every service stops answering (connection refused is simulated by a 503 without a problem body). */
    void goDown(boolean down) {
        this.down = down;
    }

    @Override
    public void close() {
        server.stop(0);
        OpenApiContract.assertHonoured();
    }

    /** Answers one request: from its own port, or from {@link SharedPortal}'s door. */
    void handle(HttpExchange exchange) throws IOException {
        try {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            String query = exchange.getRequestURI().getRawQuery();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> params = form(query);
            if (path.startsWith("/oauth2/")) {
                identityServer(exchange, method, path, params, form(body));
                return;
            }
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            String token = auth != null && auth.startsWith("Bearer ") ? auth.substring(7) : null;
            calls.add(new Call(method, path + (query == null ? "" : "?" + query), token, body));
            if (token == null) {
                problem(exchange, 401, "Unauthorized", "A bearer token is required", List.of());
                return;
            }
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            if ((method.equals("POST") || method.equals("PUT"))
                    && (contentType == null || !contentType.startsWith("application/json"))) {
                // as the services' Spring MVC answers a body it cannot read, even where the body is optional
                problem(exchange, 415, "Unsupported Media Type", "Content-Type '" + contentType
                        + "' is not supported.", List.of());
                return;
            }
            if (down) {
                exchange.sendResponseHeaders(503, -1);
                exchange.close();
                return;
            }
            requester = "access-admin".equals(token) ? "admin" : "admin-1";
            caller = token;
            api(exchange, method, path, params, body);
        } catch (Exception e) {
            problem(exchange, 500, "Fake failed", String.valueOf(e), List.of());
        }
    }

    /** Erasure requests and key deletions of the fakes: done, asked by the caller, asked by another admin. */
    static final String ERASURE_DONE = "00000000-0000-4000-8000-00000000e001";
    static final String ERASURE_OWN = "00000000-0000-4000-8000-00000000e002";
    static final String ERASURE_OTHERS = "00000000-0000-4000-8000-00000000e003";
    static final String KEY_DELETION_OTHERS = "00000000-0000-4000-8000-00000000d001";
    static final String KEY_DELETION_OWN = "00000000-0000-4000-8000-00000000d002";

    /** What school 21CM00's HR said about hosting tutors: nothing until it says (as need-mapping answers). */
    private final Map<String, Object> tutoringHosting = new java.util.concurrent.ConcurrentHashMap<>();

    /** As need-mapping checks it: at least one weekday, Monday to Friday, and 1 to 50 tutors; else a 400 problem. */
    private void setTutoringHosting(HttpExchange exchange, Map<?, ?> request) throws IOException {
        Object weekdays = request.get("weekdays");
        Object capacity = request.get("capacity");
        List<Map<String, String>> errors = new ArrayList<>();
        if (!(weekdays instanceof List<?> days) || days.isEmpty() || !days.stream().allMatch(day ->
                List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY").contains(day))) {
            errors.add(Map.of("field", "weekdays", "reason", "must not be empty"));
        }
        if (!(capacity instanceof Integer n) || n < 1 || n > 50) {
            errors.add(Map.of("field", "capacity", "reason", "must be between 1 and 50"));
        }
        if (!errors.isEmpty()) {
            problem(exchange, 400, "Invalid request", errors.size() + " field(s) are not valid", errors);
            return;
        }
        tutoringHosting.put("weekdays", weekdays);
        tutoringHosting.put("capacity", capacity);
        json(exchange, 200, Map.of("vestigingscode", "21CM00", "tutoringDays", weekdays, "tutorCapacity", capacity));
    }

    /** The signed-in admin's subject, as the token of the call says (PortalPagesIT's or the browser's). */
    private volatile String requester = "admin-1";

    /**
     * need-mapping's referred career switchers of a region, as {@code /api/referrals} answers: two referrals, per
     * sector and subject next to the need (none for po, where no subject applies), and each by its case reference.
     */
    private static Map<String, Object> referrals(Map<String, String> params) {
        Map<String, Object> po = new LinkedHashMap<>();
        po.put("sector", "PO");
        po.put("subject", null);
        po.put("referred", 1);
        po.put("inTraining", 1);
        po.put("working", 0);
        po.put("schoolsWithNeed", null);
        po.put("openFte", null);
        po.put("averageIndex", null);
        Map<String, Object> primary = new LinkedHashMap<>();
        primary.put("caseRef", "c0ffee00-0000-4000-8000-000000000002");
        primary.put("sector", "PO");
        primary.put("subject", null);
        primary.put("referredOn", "2026-11-24");
        primary.put("inTrainingSince", "2026-11");
        primary.put("workingSince", null);
        return Map.of("region", params.getOrDefault("region", "AM36"), "since", "2025-11-27",
                "referred", 2, "inTraining", 1, "working", 0, "complete", true,
                "bySubject", List.of(Map.ofEntries(Map.entry("sector", "VO"), Map.entry("subject", "natuurkunde"),
                        Map.entry("referred", 1), Map.entry("inTraining", 0), Map.entry("working", 0),
                        Map.entry("schoolsWithNeed", 3), Map.entry("openFte", 1.5),
                        Map.entry("averageIndex", 62.0)), po),
                "candidates", List.of(primary, Map.of("caseRef", "c0ffee00-0000-4000-8000-000000000001",
                        "sector", "VO", "subject", "natuurkunde", "referredOn", "2026-11-20")));
    }

    /**
     * need-mapping's vacancy history, as {@code /api/vacancies/history/...} answers: twelve months ending November
     * 2026; vacancies opened in the spring, filled over the summer (median days to fill where any were), one
     * withdrawn in June. The region's months hold ten times the school's.
     */
    static Map<String, Object> vacancyHistory(String schoolCode, String region) {
        int scale = region == null ? 1 : 10;
        int[] opened = {0, 1, 0, 2, 3, 1, 0, 0, 1, 0, 0, 1};
        int[] filled = {0, 0, 0, 0, 1, 1, 2, 1, 0, 0, 1, 0};
        int[] withdrawn = {0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0};
        List<Map<String, Object>> months = new ArrayList<>();
        int open = 1;
        for (int i = 0; i < 12; i++) {
            open += opened[i] - filled[i] - withdrawn[i];
            Map<String, Object> month = new LinkedHashMap<>();
            month.put("month", java.time.YearMonth.of(2025, 12).plusMonths(i).toString());
            month.put("opened", opened[i] * scale);
            month.put("filled", filled[i] * scale);
            month.put("withdrawn", withdrawn[i] * scale);
            month.put("openAtEnd", open * scale);
            month.put("medianDaysToFill", filled[i] == 0 ? null : 30.0 + 12.5 * i);
            months.add(month);
        }
        Map<String, Object> history = new LinkedHashMap<>();
        history.put("schoolCode", schoolCode);
        history.put("region", region);
        history.put("from", "2025-12-01");
        history.put("to", "2026-11-27");
        history.put("complete", true);
        history.put("months", months);
        return history;
    }

    /** The token of the call being answered: need-mapping names a coordinator's own region in its answer. */
    private volatile String caller;

    private void api(HttpExchange exchange, String method, String path, Map<String, String> params, String body)
            throws IOException {
        String key = method + " " + path;
        if (key.equals("GET /api/need/ranking")) {
            json(exchange, 200, ranking(params));
        } else if (key.equals("GET /api/referrals")) {
            json(exchange, 200, referrals(params));
        } else if (key.equals("GET /api/vacancies/history/region")) {
            json(exchange, 200, vacancyHistory(null, "AM36"));
        } else if (key.matches("GET /api/vacancies/history/schools/[0-9A-Z]{6}")) {
            if (!path.endsWith("21CM00")) {
                problem(exchange, 404, "Not found", "School " + path.substring(path.length() - 6) + " not found",
                        List.of());
            } else {
                json(exchange, 200, vacancyHistory("21CM00", null));
            }
        } else if (key.equals("GET /api/need/national")) {
            json(exchange, 200, national(caller != null && caller.contains("coordinator") ? "AM36" : null));
        } else if (key.equals("GET /api/regions/AM36")) {
            json(exchange, 200, Map.of("code", "AM36", "name", "Regio Zwolle", "schools", 393,
                    "municipalities", List.of(Map.of("code", "GM0193", "name", "Zwolle"))));
        } else if (key.matches("GET /api/schools/21CM00")) {
            Map<String, Object> school = new LinkedHashMap<>(Map.of("vestigingscode", "21CM00", "name",
                    "Greijdanus Zwolle", "sector", "VO", "municipality", "ZWOLLE", "postcode", "8024AD", "latitude",
                    52.52, "longitude", 6.12, "pupils", 1800, "region", "AM36", "revision", 3));
            school.put("tutoringDays", tutoringHosting.get("weekdays"));
            school.put("tutorCapacity", tutoringHosting.get("capacity"));
            json(exchange, 200, school);
        } else if (key.equals("PUT /api/schools/21CM00/tutoring-hosting")) {
            setTutoringHosting(exchange, JSON.readValue(body, Map.class));
        } else if (key.matches("GET /api/(schools|need/schools)/[0-9A-Z]{6}(/history)?")) {
            if (!path.contains("21CM00")) {
                problem(exchange, 404, "Not found", "School " + path.replaceAll(".*/([0-9A-Z]{6}).*", "$1")
                        + " not found", List.of());
            } else if (path.endsWith("/history")) {
                json(exchange, 200, List.of(
                        Map.of("at", "2026-11-20T09:00:00Z", "index", 71.5, "rawScore", 3.1),
                        Map.of("at", "2026-10-01T09:00:00Z", "index", 55.0, "rawScore", 2.4),
                        Map.of("at", "2026-09-01T09:00:00Z", "index", 40.2, "rawScore", 1.7)));
            } else {
                json(exchange, 200, Map.of("need", ranked(1, "21CM00", "Greijdanus Zwolle", 71.5, 52.52, 6.12),
                        "revision", 9, "computedAt", "2026-11-20T09:00:00Z"));
            }
        } else if (key.equals("GET /api/placements")) {
            if (!String.valueOf(params.get("schoolCode")).matches("[0-9]{2}[A-Z]{2}[0-9]{2}")) {
                problem(exchange, 400, "Invalid request", "1 parameter(s) are not valid",
                        List.of(Map.of("field", "schoolCode", "reason", "must match \"[0-9]{2}[A-Z]{2}[0-9]{2}\"")));
            } else {
                json(exchange, 200, List.copyOf(placements.values()));
            }
        } else if (key.matches("GET /api/placements/[^/]+")) {
            Map<String, Object> placement = placements.get(path.split("/")[3]);
            if (placement == null) {
                problem(exchange, 404, "Not found", "Placement " + path.split("/")[3] + " was not found", List.of());
            } else {
                json(exchange, 200, placement);
            }
        } else if (key.matches("POST /api/placements/[^/]+/(confirm|start|complete)")) {
            placementStep(exchange, path.split("/")[3], path.split("/")[4], body);
        } else if (key.matches("POST /api/placements/[^/]+/cancel")) {
            cancel(exchange, path.split("/")[3], JSON.readValue(body, Map.class));
        } else if (key.equals("POST /api/tutors")) {
            Map<?, ?> request = JSON.readValue(body, Map.class);
            if (!String.valueOf(request.get("pc4")).matches("[1-9][0-9]{3}")) {
                problem(exchange, 400, "Invalid request", "1 field(s) are not valid",
                        List.of(Map.of("field", "pc4", "reason", "must be a 4-digit postcode area (PC4)")));
            } else {
                json(exchange, 201, tutor("tutor-" + ids.incrementAndGet(), (String) request.get("name")));
            }
        } else if (key.equals("GET /api/tutors")) {
            Map<String, Object> waiting = tutor("tutor-2", "Bram Kok");
            Map<String, Object> placeable = tutor("tutor-1", "Anouk Smit");
            placeable.put("needsParentalConsent", false);
            placeable.put("mayBePlaced", true);
            json(exchange, 200, List.of(summary(placeable), summary(waiting)));
        } else if (key.matches("GET /api/tutors/[^/]+")) {
            String id = path.substring("/api/tutors/".length());
            if (id.startsWith("tutor-")) {
                json(exchange, 200, tutor(id, "Sanne de Vries"));
            } else {
                problem(exchange, 404, "Not found", "Tutor " + id + " not found", List.of());
            }
        } else if (key.equals("GET /api/matching/runs")) {
            json(exchange, 200, runs.values().stream().map(run -> Map.of("id", run.get("id"), "subject", "wiskunde",
                    "status", run.get("status"), "objectivePoints", run.get("objectivePoints"),
                    "proposalCount", ((List<?>) run.get("proposals")).size(),
                    "solvedAt", "2026-11-23T10:00:00Z")).toList());
        } else if (key.equals("POST /api/matching/runs")) {
            Map<?, ?> request = JSON.readValue(body, Map.class);
            if ("latijn".equals(request.get("subject"))) {
                problem(exchange, 409, "Conflict", "Pin tutor-9 at 21CM00 breaks a hard constraint: travel",
                        List.of());
                return;
            }
            Map<String, Object> run = run("run-" + ids.incrementAndGet(), request);
            runs.put((String) run.get("id"), run);
            json(exchange, 201, run);
        } else if (key.matches("GET /api/matching/runs/[^/]+")) {
            Map<String, Object> run = runs.get(path.substring("/api/matching/runs/".length()));
            if (run == null) {
                problem(exchange, 404, "Not found", "Matching run not found", List.of());
            } else {
                json(exchange, 200, run);
            }
        } else if (key.matches("POST /api/matching/runs/[^/]+/accept")) {
            Map<String, Object> run = runs.get(path.split("/")[4]);
            run.put("status", "ACCEPTED");
            json(exchange, 200, Map.of("runId", run.get("id"), "placementIds", List.of("placement-7", "placement-8")));
        } else if (key.equals("GET /api/schools/21CM00/staff")) {
            json(exchange, 200, List.copyOf(staffMembers.values()));
        } else if (key.equals("POST /api/schools/21CM00/staff")) {
            registerStaff(exchange, JSON.readValue(body, Map.class));
        } else if (key.matches("PUT /api/schools/21CM00/staff/[^/]+/leaving-date")) {
            Map<String, Object> member = staffMembers.get(path.split("/")[5]);
            Map<?, ?> request = JSON.readValue(body, Map.class);
            if (member == null) {
                problem(exchange, 404, "Not found", "Staff member " + path.split("/")[5] + " was not found",
                        List.of());
            } else if (request.get("leavesOn") == null) {
                problem(exchange, 400, "Invalid request", "1 field(s) are not valid",
                        List.of(Map.of("field", "leavesOn", "reason", "must not be null")));
            } else {
                member.put("leavesOn", request.get("leavesOn"));
                json(exchange, 200, member);
            }
        } else if (key.matches("GET /api/schools/21CM00/staff/[^/]+/interviews")) {
            String ref = path.split("/")[5];
            if (!staffMembers.containsKey(ref)) {
                problem(exchange, 404, "Not found", "Staff member " + ref + " was not found", List.of());
            } else {
                json(exchange, 200, ref.equals("T-0042") ? interviewsOfT0042() : List.of());
            }
        } else if (key.matches("DELETE /api/schools/21CM00/staff/[^/]+")) {
            String ref = path.split("/")[5];
            if (staffMembers.remove(ref) == null) {
                problem(exchange, 404, "Not found", "Staff member " + ref + " was not found", List.of());
            } else {
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            }
        } else if (key.matches("POST /api/schools/21CM00/staff/[^/]+/interviews/[^/]+/actions/[^/]+/done")) {
            String[] parts = path.split("/");
            String action = parts[5] + "/" + parts[7] + "/" + parts[9];
            if (!staffMembers.containsKey(parts[5])) {
                problem(exchange, 404, "Not found", "Staff member " + parts[5] + " was not found", List.of());
            } else if (!parts[5].equals("T-0042") || !parts[7].equals("i-1")) {
                problem(exchange, 400, "Request rejected", "Staff member " + parts[5] + " has no interview "
                        + parts[7], List.of());
            } else if (!parts[9].matches("[01]")) {
                problem(exchange, 400, "Request rejected", "Interview i-1 has no follow-up action " + parts[9],
                        List.of());
            } else {
                overdue.remove(action);
                json(exchange, 200, List.of(Map.of("id", "i-1", "heldOn", "2026-10-01", "riskBand", "MEDIUM")));
            }
        } else if (key.equals("GET /api/schools/21CM00/retention")) {
            Map<String, Object> overview = new LinkedHashMap<>();
            overview.put("schoolCode", "21CM00");
            overview.put("expectedDeparturesFte", 1.4);
            overview.put("interviewsCovered", 12);
            overview.put("trend", "RISING");
            overview.put("history", List.of(Map.of("assessedOn", "2026-09-01", "expectedDeparturesFte", "0.6",
                    "interviewsCovered", 8), Map.of("assessedOn", "2026-11-01", "expectedDeparturesFte", "1.4",
                    "interviewsCovered", 12)));
            overview.put("dueForInterview", List.of(Map.of("staffRef", "T-0077")));
            overview.put("overdueActions", overdue.stream().map(action -> action.split("/"))
                    .map(a -> Map.of("staffRef", a[0], "interviewId", a[1], "actionIndex", Integer.parseInt(a[2]),
                            "dueOn", a[2].equals("0") ? "2026-11-01" : "2026-11-15")).toList());
            json(exchange, 200, overview);
        } else if (key.matches("GET /api/schools/[0-9A-Z]{6}/(staff|retention)")) {
            problem(exchange, 404, "Not found", "School not found", List.of());
        } else if (key.equals("GET /api/stay-interview-form")) {
            json(exchange, 200, Map.of("questions", List.of(
                    Map.of("field", "lookingForwardTo", "question", "What do you look forward to?"),
                    Map.of("field", "whyStay", "question", "Why do you stay with us?")),
                    "intentToStay", List.of("YES", "UNSURE", "NO"),
                    "ambitions", List.of("MENTOR", "AMBASSADOR", "SCHOOL_LEADER", "OTHER_SUBJECT", "OTHER"),
                    "warning", "Do not record health information (illness, burn-out, medical or psychological "
                            + "details) in answers or notes."));
        } else if (key.matches("POST /api/schools/21CM00/staff/[^/]+/interviews")) {
            Map<?, ?> request = JSON.readValue(body, Map.class);
            if (request.get("heldOn") != null && request.get("heldOn").toString().compareTo("2026-12-31") > 0) {
                problem(exchange, 400, "Invalid request", "1 field(s) are not valid",
                        List.of(Map.of("field", "heldOn", "reason", "must be a date in the past or in the present")));
            } else {
                json(exchange, 201, Map.of("id", "interview-1"));
            }
        } else if (key.equals("GET /api/suggestions")) {
            json(exchange, 200, List.of(suggestion("suggestion-1", "STAFF-7f3a"), suggestion("suggestion-2", "TUTOR-19bc")));
        } else if (key.matches("POST /api/suggestions/[^/]+/accept")) {
            Map<?, ?> request = JSON.readValue(body, Map.class);
            if (String.valueOf(request.get("rationale")).length() > 40) {
                problem(exchange, 400, "Invalid request", "1 field(s) are not valid",
                        List.of(Map.of("field", "rationale", "reason", "size must be between 0 and 40")));
            } else {
                json(exchange, 200, Map.of("talentId", "talent-9", "stage", "FLAGGED"));
            }
        } else if (key.matches("POST /api/suggestions/[^/]+/dismiss")) {
            json(exchange, 200, suggestion(path.split("/")[3], "STAFF-7f3a"));
        } else if (key.equals("GET /api/talents")) {
            json(exchange, 200, List.of(talent("talent-1", "FLAGGED"), talent("talent-2", "APPROACHED"),
                    talent("talent-3", "ENROLLED")));
        } else if (key.matches("POST /api/talents/[^/]+/stage")) {
            json(exchange, 200, talent(path.split("/")[3], "APPROACHED"));
        } else if (key.equals("GET /api/funnel")) {
            json(exchange, 200, Map.of("region", "AM36", "figures", List.of(Map.of("personKind", "TUTOR",
                    "flagged", 12, "approached", 8, "interested", 5, "enrolled", 2, "declined", 3, "withdrawn", 1)),
                    "referred", 4, "referredBySector", Map.of("VO", 3, "PO", 1), "referredInTraining", 2,
                    "referredWorking", 1));
        } else if (key.equals("GET /api/ambassadors/coverage")) {
            json(exchange, 200, Map.of("region", "AM36", "minNeedIndex", 60.0, "highNeedSchools", 3,
                    "covered", 1, "uncovered", List.of(Map.of("schoolCode", "21CM00", "schoolName",
                            "Greijdanus Zwolle", "needIndex", 71.5, "needRank", 1))));
        } else if (key.equals("GET /api/admin/erasure-requests")) {
            json(exchange, 200, List.of(erasure(ERASURE_DONE), erasure(ERASURE_OTHERS)));
        } else if (key.equals("POST /api/admin/erasure-requests/" + ERASURE_OWN + "/approval")) {
            problem(exchange, 409, "Not possible in the current state",
                    "A request cannot be approved by the admin who made it: a second admin must approve", List.of());
        } else if (key.equals("POST /api/admin/erasure-requests/" + ERASURE_OTHERS + "/approval")) {
            json(exchange, 200, erasure(ERASURE_OTHERS));
        } else if (key.equals("POST /api/admin/erasure-requests/" + ERASURE_OWN + "/withdrawal")) {
            json(exchange, 200, erasure(ERASURE_OWN));
        } else if (key.equals("GET /api/admin/key-deletions")) {
            json(exchange, 200, List.of(keyDeletion(KEY_DELETION_OTHERS, "admin-2", "PENDING"),
                    keyDeletion(KEY_DELETION_OWN, requester, "PENDING"),
                    keyDeletion("00000000-0000-4000-8000-00000000d003", "admin-2", "APPROVED")));
        } else if (key.matches("POST /api/admin/schools/[0-9]{2}[A-Z]{2}[0-9]{2}/key-deletions")) {
            json(exchange, 202, keyDeletion(KEY_DELETION_OWN, requester, "PENDING"));
        } else if (key.matches("POST /api/admin/key-deletions/[^/]+/(approval|withdrawal)")) {
            json(exchange, 200, keyDeletion(path.split("/")[4], "admin-2", path.endsWith("approval")
                    ? "APPROVED" : "WITHDRAWN"));
        } else if (key.equals("POST /api/admin/erasure-requests")) {
            Map<?, ?> request = JSON.readValue(body, Map.class);
            if (!String.valueOf(request.get("subjectRef")).matches("[A-Za-z0-9._:-]{1,80}")) {
                problem(exchange, 400, "Invalid request", "1 field(s) are not valid",
                        List.of(Map.of("field", "subjectRef", "reason", "must be a pseudonymous reference")));
            } else {
                json(exchange, 202, erasure(ERASURE_OWN));
            }
        } else if (key.matches("GET /api/admin/erasure-requests/[^/]+")) {
            json(exchange, 200, erasure(path.substring(path.lastIndexOf('/') + 1)));
        } else if (key.equals("GET /api/admin/audit")) {
            json(exchange, 200, List.of(Map.of("actor", "coordinator-1", "action", "tutor.read",
                    "subjectRef", params.getOrDefault("subjectRef", "tutor-1"), "at", "2026-11-23T09:30:00Z")));
        } else {
            problem(exchange, 404, "Not found", "No route " + key, List.of());
        }
    }

    /** Tutoring's placement lifecycle: proposed → confirmed → active → completed with the school's evaluation. */
    /** As tutoring: a reason code is required, and only an open placement can be cancelled. */
    private void cancel(HttpExchange exchange, String id, Map<?, ?> request) throws IOException {
        Map<String, Object> placement = placements.get(id);
        String reason = String.valueOf(request.get("reasonCode"));
        if (placement == null) {
            problem(exchange, 404, "Not found", "Placement " + id + " was not found", List.of());
        } else if (!reason.matches("[A-Z_]{2,40}")) {
            problem(exchange, 400, "Invalid request", "1 field(s) are not valid",
                    List.of(Map.of("field", "reasonCode", "reason", "must be a reason code")));
        } else if (!List.of("PROPOSED", "CONFIRMED", "ACTIVE").contains(placement.get("status"))) {
            problem(exchange, 409, "Not possible in the current state", "Placement " + id + " is "
                    + placement.get("status") + " and cannot be cancelled", List.of());
        } else {
            placement.put("status", "CANCELLED");
            placement.put("history", List.of(Map.of("status", "CANCELLED", "at", "2026-11-23T10:00:00Z",
                    "reasonCode", reason)));
            json(exchange, 200, placement);
        }
    }

    private void placementStep(HttpExchange exchange, String id, String step, String body) throws IOException {
        Map<String, Object> placement = placements.get(id);
        if (placement == null) {
            problem(exchange, 404, "Not found", "Placement " + id + " was not found", List.of());
            return;
        }
        String from = step.equals("confirm") ? "PROPOSED" : step.equals("start") ? "CONFIRMED" : "ACTIVE";
        Map<?, ?> request = body.isBlank() ? Map.of() : JSON.readValue(body, Map.class);
        if (step.equals("complete")) {
            List<Map<String, String>> errors = new ArrayList<>();
            for (String score : List.of("reliability", "talentForTeaching")) {
                Object value = request.get(score);
                if (!(value instanceof Integer) || (Integer) value < 1 || (Integer) value > 5) {
                    errors.add(Map.of("field", score, "reason", "must be between 1 and 5"));
                }
            }
            if (request.get("note") != null && request.get("note").toString().length() > 2000) {
                errors.add(Map.of("field", "note", "reason", "size must be between 0 and 2000"));
            }
            if (!errors.isEmpty()) {
                problem(exchange, 400, "Invalid request", errors.size() + " field(s) are not valid", errors);
                return;
            }
        }
        if (!from.equals(placement.get("status"))) {
            String done = step.equals("confirm") ? "confirmed" : step.equals("start") ? "started" : "completed";
            problem(exchange, 409, "Not possible in the current state", "Placement " + id + " is "
                    + placement.get("status") + " and cannot be " + done, List.of());
            return;
        }
        placement.put("status", step.equals("confirm") ? "CONFIRMED"
                : step.equals("start") ? "ACTIVE" : "COMPLETED");
        if (step.equals("complete")) {
            Map<String, Object> evaluation = new LinkedHashMap<>();
            evaluation.put("reliability", request.get("reliability"));
            evaluation.put("talentForTeaching", request.get("talentForTeaching"));
            evaluation.put("note", request.get("note"));
            placement.put("evaluation", evaluation);
        }
        json(exchange, 200, placement);
    }

    /** Stay-interviews' registration: its bean validation first, then the domain's refusal of a BSN-like ref. */
    private void registerStaff(HttpExchange exchange, Map<?, ?> request) throws IOException {
        String ref = String.valueOf(request.get("staffRef"));
        List<Map<String, String>> errors = new ArrayList<>();
        if (!ref.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,39}")) {
            errors.add(Map.of("field", "staffRef",
                    "reason", "must be the school's own reference (letters, digits, . _ -)"));
        }
        if (request.get("role") == null || request.get("role").toString().isBlank()) {
            errors.add(Map.of("field", "role", "reason", "must not be blank"));
        }
        Object fte = request.get("fte");
        if (fte == null) {
            errors.add(Map.of("field", "fte", "reason", "must not be null"));
        } else if (!(fte instanceof Number) || ((Number) fte).doubleValue() <= 0) {
            errors.add(Map.of("field", "fte", "reason", "must be greater than 0.0"));
        } else if (((Number) fte).doubleValue() > 1.2) {
            errors.add(Map.of("field", "fte", "reason", "must be less than or equal to 1.2"));
        }
        Object years = request.get("yearsInService");
        if (!(years instanceof Integer) || (Integer) years < 0 || (Integer) years > 60) {
            errors.add(Map.of("field", "yearsInService", "reason", "must be between 0 and 60"));
        }
        if (!errors.isEmpty()) {
            problem(exchange, 400, "Invalid request", errors.size() + " field(s) are not valid", errors);
        } else if (ref.matches("[0-9]{8,9}")) {
            problem(exchange, 400, "Request rejected", "The staff reference must not be a national id number (BSN): "
                    + "use a reference the school controls", List.of());
        } else if (staffMembers.containsKey(ref)) {
            problem(exchange, 409, "Not possible in the current state", "Staff reference " + ref
                    + " is already registered", List.of());
        } else {
            Map<String, Object> member = staff(ref, (String) request.get("lastStayInterviewOn"));
            member.put("role", request.get("role"));
            member.put("subject", request.get("subject"));
            member.put("fte", fte);
            member.put("yearsInService", years);
            member.put("latestRiskBand", null);
            staffMembers.put(ref, member);
            json(exchange, 201, member);
        }
    }

    /**
     * Three schools with need and two without, like need-mapping's ranking: {@code withNeed=true} leaves out the
     * two, {@code offset} and {@code limit} page, a subject keeps the one school that needs it.
     */
    private static List<Map<String, Object>> ranking(Map<String, String> params) {
        List<Map<String, Object>> ranking = new ArrayList<>();
        ranking.add(ranked(1, "21CM00", "Greijdanus Zwolle", 71.5, 52.52, 6.12));
        ranking.add(ranked(2, "20DK01", "Thomas a Kempis College", 44.0, 52.51, 6.09));
        ranking.add(ranked(3, "02TP00", "Pieter Zandt Kampen", 12.3, 52.55, 5.91));
        ranking.add(ranked(4, "07QP00", "De Zevensprong Kampen", 0.0, 52.56, 5.92));
        ranking.add(ranked(5, "13BD00", "De Sleutelbloem Zwolle", 0.0, 52.50, 6.08));
        String subject = params.get("subject");
        if (subject != null && !subject.isBlank()) {
            return ranking.subList(0, 1);
        }
        List<Map<String, Object>> selected = ranking.stream()
                .filter(school -> !"true".equals(params.get("withNeed")) || (double) school.get("index") > 0)
                .toList();
        int offset = Integer.parseInt(params.getOrDefault("offset", "0"));
        int limit = Integer.parseInt(params.getOrDefault("limit", "50"));
        return selected.subList(Math.min(offset, selected.size()), Math.min(offset + limit, selected.size()));
    }

    /**
     * need-mapping's national picture, in its order (weighted need per 1,000 pupils, highest first): four regions
     * with figures, the rest of the 35 with none yet.
     */
    static Map<String, Object> national(String yourRegion) {
        List<Map<String, Object>> regions = new ArrayList<>(List.of(
                region("AM11", "Flevoland", 239, 52_000, 12.0, 17.7, 0.34, 3.0, 1,
                        Map.of("wiskunde", subject(5.0, 7.5, 0.14), "duits", subject(7.0, 10.2, 0.2))),
                region("AM18", "Groot Amsterdam", 640, 140_000, 20.5, 29.4, 0.21, 4.5, 3,
                        Map.of("wiskunde", subject(20.5, 29.4, 0.21))),
                region("AM36", "Regio Zwolle", 393, 89_000, 4.0, 4.45, 0.05, 1.5, 2,
                        Map.of("wiskunde", subject(1.0, 1.25, 0.01), "duits", subject(3.0, 3.2, 0.04))),
                region("AM06", "Veluwe Stedendriehoek", 310, 60_000, 0, 0, 0, 0, 0, Map.of())));
        // the other CBS regions, as the real API lists every region of the register
        try (var outlines = FakeServices.class.getClassLoader()
                .getResourceAsStream("regions/arbeidsmarktregio-2025.geo.json")) {
            for (JsonNode feature : JSON.readTree(outlines).get("features")) {
                String code = feature.get("properties").get("statcode").asString();
                if (regions.stream().noneMatch(region -> code.equals(region.get("code")))) {
                    regions.add(region(code, feature.get("properties").get("statnaam").asString(), 0, 0, 0, 0, 0,
                            0, 0, Map.of()));
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Map<String, Object> national = new LinkedHashMap<>();
        national.put("regions", regions);
        national.put("country", region("NL", "Nederland", 1582, 341_000, 36.5, 51.55, 0.15, 9.0, 6, Map.of()));
        national.put("subjects", List.of("duits", "wiskunde"));
        national.put("yourRegion", yourRegion);
        return national;
    }

    private static Map<String, Object> region(String code, String name, int schools, long pupils, double openFte,
            double weightedNeed, double perThousand, double departures, int tutors, Map<String, Object> subjects) {
        Map<String, Object> region = new LinkedHashMap<>();
        region.put("code", code);
        region.put("name", name);
        region.put("schools", schools);
        region.put("pupils", pupils);
        region.put("openFte", openFte);
        region.put("weightedNeed", weightedNeed);
        region.put("weightedNeedPer1000Pupils", perThousand);
        region.put("expectedDeparturesFte", departures);
        region.put("tutorsActive", tutors);
        region.put("subjects", subjects);
        return region;
    }

    private static Map<String, Object> subject(double openFte, double weightedOpenFte, double perThousand) {
        return Map.of("openFte", openFte, "weightedOpenFte", weightedOpenFte, "weightedNeedPer1000Pupils",
                perThousand);
    }

    /** A tutor as tutoring lists them ({@code TutorSummary}): no birth date, postcode or consent details. */
    private static Map<String, Object> summary(Map<String, Object> tutor) {
        Map<String, Object> summary = new LinkedHashMap<>(tutor);
        summary.keySet().retainAll(List.of("id", "name", "schoolYear", "subjects", "weekdays", "hoursPerWeek",
                "needsParentalConsent", "mayBePlaced"));
        return summary;
    }

    private static Map<String, Object> ranked(int rank, String code, String name, double index, double lat,
            double lon) {
        Map<String, Object> school = new LinkedHashMap<>();
        school.put("rank", rank);
        school.put("vestigingscode", code);
        school.put("name", name);
        school.put("sector", "VO");
        school.put("municipality", "ZWOLLE");
        school.put("latitude", lat);
        school.put("longitude", lon);
        school.put("index", index);
        school.put("rawScore", index / 23);
        school.put("components", List.of(
                Map.of("name", "openVacancies", "value", 2.5, "weight", 1.0, "contribution", 2.5,
                        "explanation", "2.5 FTE open, weighted by urgency"),
                Map.of("name", "expectedDepartures", "value", 1.0, "weight", 0.8, "contribution", 0.8,
                        "explanation", "1 expected departure from stay interviews"),
                Map.of("name", "tutoringSupport", "value", 1.0, "weight", -0.2, "contribution", -0.2,
                        "explanation", "1 active tutor placement")));
        school.put("subjects", Map.of("wiskunde", Map.of("index", index, "weightedOpenFte", 1.5, "openFte", 1.0)));
        return school;
    }

    private static Map<String, Object> placement(String id, String status) {
        Map<String, Object> placement = new LinkedHashMap<>();
        placement.put("id", id);
        placement.put("tutorId", "tutor-1");
        placement.put("schoolCode", "21CM00");
        placement.put("subject", "wiskunde");
        placement.put("hoursPerWeek", 2);
        placement.put("status", status);
        placement.put("evaluation", null);
        placement.put("history", List.of());
        placement.put("revision", 1);
        return placement;
    }

    private static Map<String, Object> tutor(String id, String name) {
        Map<String, Object> tutor = new LinkedHashMap<>();
        tutor.put("id", id);
        tutor.put("name", name);
        tutor.put("schoolAttended", "Celeanum");
        tutor.put("schoolYear", 4);
        tutor.put("dateOfBirth", "2011-03-02");
        tutor.put("subjects", List.of(Map.of("subject", "wiskunde", "level", "havo")));
        tutor.put("hoursPerWeek", 4);
        tutor.put("weekdays", List.of("MONDAY", "WEDNESDAY"));
        tutor.put("pc4", "8011");
        tutor.put("maxTravelKm", 10);
        tutor.put("region", "AM36");
        tutor.put("needsParentalConsent", true);
        tutor.put("parentalConsent", null);
        tutor.put("mayBePlaced", false);
        tutor.put("revision", 1);
        return tutor;
    }

    private static Map<String, Object> run(String id, Map<?, ?> request) {
        List<?> pins = request.get("pins") == null ? List.of() : (List<?>) request.get("pins");
        List<?> exclusions = request.get("exclusions") == null ? List.of() : (List<?>) request.get("exclusions");
        List<Map<String, Object>> proposals = new ArrayList<>();
        for (String[] pair : new String[][] {{"tutor-1", "21CM00"}, {"tutor-2", "20DK01"}, {"tutor-3", "21CM00"}}) {
            Map<String, String> p = Map.of("tutorId", pair[0], "schoolCode", pair[1], "subject", "wiskunde");
            if (exclusions.contains(p)) {
                continue;
            }
            proposals.add(Map.of("pair", p, "pinned", pins.contains(p), "score", Map.of("needPoints", 71.5,
                    "travelKm", 3.2, "travelPoints", 4.8, "schoolFairnessPoints", 0.0, "tutorFairnessPoints", 0.0,
                    "totalPoints", 66.7)));
        }
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("id", id);
        run.put("region", request.get("region"));
        run.put("subject", request.get("subject"));
        run.put("level", request.get("level"));
        run.put("status", "SOLVED");
        run.put("objectivePoints", 66.7 * proposals.size());
        run.put("proposalCount", proposals.size());
        run.put("pinned", pins);
        run.put("excluded", exclusions);
        run.put("proposals", proposals);
        return run;
    }

    /**
     * Two interviews, the older first as the service stores them; the older one's text (interviewer, answers, notes,
     * action descriptions and owners) can no longer be read, as after the school key's deletion.
     */
    private List<Map<String, Object>> interviewsOfT0042() {
        Map<String, Object> older = new LinkedHashMap<>();
        older.put("id", "i-0");
        older.put("heldOn", "2025-10-01");
        older.put("interviewer", null);
        older.put("answers", null);
        older.put("workload", 2);
        older.put("satisfaction", 4);
        older.put("intentToStay", "YES");
        older.put("ambitions", List.of());
        Map<String, Object> olderAction = new LinkedHashMap<>();
        olderAction.put("description", null);
        olderAction.put("owner", null);
        olderAction.put("dueOn", "2025-12-01");
        olderAction.put("doneOn", "2025-11-20");
        older.put("actions", List.of(olderAction));
        older.put("notes", null);
        older.put("riskBand", "LOW");
        older.put("contentReadable", false);
        Map<String, Object> answers = new LinkedHashMap<>();
        answers.put("lookingForwardTo", "de brugklassen");
        answers.put("learning", null);
        answers.put("whyStay", "het team");
        answers.put("lastThoughtOfLeaving", "in de zomer, door de werkdruk");
        answers.put("whatWouldMakeTheJobBetter", "minder vergaderen");
        List<Map<String, Object>> actions = new ArrayList<>();
        for (int index = 0; index < 2; index++) {
            Map<String, Object> action = new LinkedHashMap<>();
            action.put("description", index == 0 ? "rooster bespreken" : "mentortraject zoeken");
            action.put("owner", index == 0 ? "teamleider" : "HR");
            action.put("dueOn", index == 0 ? "2026-11-01" : "2026-11-15");
            action.put("doneOn", overdue.contains("T-0042/i-1/" + index) ? null : "2026-11-20");
            actions.add(action);
        }
        Map<String, Object> latest = new LinkedHashMap<>();
        latest.put("id", "i-1");
        latest.put("heldOn", "2026-10-01");
        latest.put("interviewer", "M. Jansen");
        latest.put("answers", answers);
        latest.put("workload", 4);
        latest.put("satisfaction", 2);
        latest.put("intentToStay", "UNSURE");
        latest.put("ambitions", List.of(Map.of("ambition", "MENTOR", "scoutMayKnow", true)));
        latest.put("actions", actions);
        latest.put("notes", "wil meer lesuren");
        latest.put("riskBand", "MEDIUM");
        latest.put("contentReadable", true);
        return List.of(older, latest);
    }

    private static Map<String, Object> staff(String ref, String last) {
        Map<String, Object> staff = new LinkedHashMap<>();
        staff.put("staffRef", ref);
        staff.put("role", "docent");
        staff.put("subject", "wiskunde");
        staff.put("fte", 0.8);
        staff.put("yearsInService", 6);
        staff.put("lastStayInterviewOn", last);
        staff.put("leavesOn", null);
        staff.put("latestRiskBand", "MEDIUM");
        staff.put("interviews", last == null ? 0 : 1);
        return staff;
    }

    private static Map<String, Object> suggestion(String id, String personRef) {
        Map<String, Object> suggestion = new LinkedHashMap<>();
        suggestion.put("id", id);
        suggestion.put("source", "PLACEMENT");
        suggestion.put("personKind", "TUTOR");
        suggestion.put("personRef", personRef);
        suggestion.put("schoolCode", "21CM00");
        suggestion.put("schoolName", "Greijdanus Zwolle");
        suggestion.put("region", "AM36");
        suggestion.put("suggestedKind", "POTENTIAL_TEACHER");
        suggestion.put("subject", "wiskunde");
        suggestion.put("talentForTeaching", 5);
        suggestion.put("occurredOn", "2026-11-20");
        suggestion.put("status", "OPEN");
        return suggestion;
    }

    private static Map<String, Object> talent(String id, String stage) {
        Map<String, Object> talent = new LinkedHashMap<>();
        talent.put("id", id);
        talent.put("personKind", "TUTOR");
        talent.put("personRef", "TUTOR-" + id.substring(7));
        talent.put("kind", "POTENTIAL_TEACHER");
        talent.put("region", "AM36");
        talent.put("stage", stage);
        talent.put("flaggedOn", "2026-10-01");
        talent.put("nextStepOn", "2026-12-01");
        talent.put("activeAmbassador", false);
        return talent;
    }

    private Map<String, Object> erasure(String id) {
        boolean complete = id.equals(ERASURE_DONE);
        boolean pending = id.equals(ERASURE_OWN) || id.equals(ERASURE_OTHERS);
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("requestId", id);
        status.put("subjectKind", "TUTOR");
        status.put("subjectRef", pending ? "tutor-1" : null);
        status.put("state", pending ? "PENDING" : "APPROVED");
        status.put("requestedBy", id.equals(ERASURE_OWN) ? requester : "admin-2");
        status.put("requestedAt", "2026-11-23T09:00:00Z");
        status.put("decidedBy", pending ? null : "admin-3");
        status.put("decidedAt", pending ? null : "2026-11-23T09:05:00Z");
        status.put("expected", List.of("need-mapping", "tutoring", "scouting", "stay-interviews"));
        status.put("erasedByService", complete ? Map.of("need-mapping", 0, "tutoring", 3, "scouting", 1,
                "stay-interviews", 0) : Map.of("tutoring", 3));
        status.put("complete", complete);
        return status;
    }

    private static Map<String, Object> keyDeletion(String id, String requestedBy, String state) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("requestId", id);
        request.put("schoolCode", "21CM00");
        request.put("state", state);
        request.put("requestedBy", requestedBy);
        request.put("requestedAt", "2026-11-23T09:00:00Z");
        request.put("decidedBy", state.equals("PENDING") ? null : "admin-3");
        request.put("decidedAt", state.equals("PENDING") ? null : "2026-11-23T10:00:00Z");
        request.put("keysDeleted", state.equals("APPROVED") ? 1 : null);
        return request;
    }

    /** Authorization code with PKCE: a sign-in form, the code, and the token exchange checking the verifier. */
    private void identityServer(HttpExchange exchange, String method, String path, Map<String, String> query,
            Map<String, String> form) throws Exception {
        if (path.equals("/oauth2/jwks")) {
            json(exchange, 200, new JWKSet(key.toPublicJWK()).toJSONObject());
        } else if (path.equals("/oauth2/authorize") && method.equals("GET")) {
            if (!"S256".equals(query.get("code_challenge_method")) || query.get("code_challenge") == null) {
                html(exchange, 400, "<p>PKCE required</p>");
                return;
            }
            StringBuilder page = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><title>Sign in</title><body>"
                    + "<h1>Sign in</h1><form method=\"post\" action=\"/oauth2/authorize\">");
            query.forEach((name, value) -> page.append("<input type=\"hidden\" name=\"").append(name)
                    .append("\" value=\"").append(value.replace("\"", "&quot;")).append("\">"));
            page.append("<label for=\"username\">Username</label><input id=\"username\" name=\"username\">"
                    + "<button id=\"sign-in\" type=\"submit\">Sign in</button></form></body></html>");
            html(exchange, 200, page.toString());
        } else if (path.equals("/oauth2/authorize")) {
            String code = "code-" + ids.incrementAndGet();
            codes.put(code, new String[] {form.get("username"), form.get("code_challenge"), form.get("nonce")});
            exchange.getResponseHeaders().add("Location", form.get("redirect_uri") + "?code=" + code + "&state="
                    + java.net.URLEncoder.encode(form.get("state"), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        } else if (path.equals("/oauth2/token")) {
            String[] grant = codes.remove(form.get("code"));
            String verifier = form.get("code_verifier");
            String challenge = verifier == null ? null : Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
            Person person = grant == null ? null : PEOPLE.stream().filter(p -> p.username().equals(grant[0]))
                    .findFirst().orElse(null);
            if (person == null || !grant[1].equals(challenge)) {
                json(exchange, 400, Map.of("error", "invalid_grant"));
                return;
            }
            json(exchange, 200, Map.of("access_token", "access-" + person.username(), "token_type", "Bearer",
                    "expires_in", 1800, "scope", "openid profile", "id_token", idToken(person, grant[2])));
        } else {
            json(exchange, 404, Map.of("error", "not_found"));
        }
    }

    private String idToken(Person person, String nonce) throws Exception {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(url()).subject(person.username())
                .audience("instroom-portal").issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(1800)))
                .claim("roles", List.of(person.role())).claim("preferred_username", person.username());
        if (nonce != null) {
            claims.claim("nonce", nonce);
        }
        if (person.region() != null) {
            claims.claim("region", person.region());
        }
        if (person.school() != null) {
            claims.claim("school", person.school());
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                claims.build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> values = new LinkedHashMap<>();
        if (encoded == null || encoded.isBlank()) {
            return values;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            values.put(name, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

    /** A problem+json answer as the services give it; the other fakes answer with it too. */
    static void problem(HttpExchange exchange, int status, String title, String detail,
            List<Map<String, String>> errors) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        if (!errors.isEmpty()) {
            problem.put("errors", errors);
        }
        send(exchange, status, "application/problem+json", JSON.writeValueAsBytes(problem));
    }

    static void json(HttpExchange exchange, int status, Object body) throws IOException {
        send(exchange, status, "application/json", JSON.writeValueAsBytes(body));
    }

    private static void html(HttpExchange exchange, int status, String body) throws IOException {
        send(exchange, status, "text/html;charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}
