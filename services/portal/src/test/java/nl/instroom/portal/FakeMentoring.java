package nl.instroom.portal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.json.JsonMapper;

/**
 * mentoring as the portal's pages see it: one programme with a cohort and four sign-ups, matching runs that pair
 * leaders and executives in order (keeping the coordinator's pins and leaving out the exclusions, as the real
 * service's rules do), pairs that move through their life, figures, and one participant's own pairs (the
 * participant signed in as {@code deelnemer}, a school leader). Answers are shaped like mentoring's API; refusals are
 * problem details. Every call must carry a bearer token.
 */
final class FakeMentoring implements AutoCloseable {

    /** A call the portal made: method, path, the Authorization header and the body. */
    record Call(String method, String path, String token, String body) {
    }

    static final String COHORT = "cohort-1";
    /** The participant's running pair (an earlier cohort) and the one proposed to them now. */
    static final String MY_ACTIVE = "pair-my-1";
    static final String MY_PROPOSED = "pair-my-2";
    /** The token the fake identity server gives the demo participant. */
    static final String PARTICIPANT_TOKEN = "access-deelnemer";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    final List<Call> calls = new CopyOnWriteArrayList<>();
    private final HttpServer server;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<String, Map<String, Object>> signUps = new LinkedHashMap<>();
    private final Set<String> pins = new LinkedHashSet<>();
    private final Set<String> exclusions = new LinkedHashSet<>();
    private final Map<String, Map<String, Object>> runs = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> pairs = new LinkedHashMap<>();
    private final Map<String, List<Map<String, Object>>> meetings = new LinkedHashMap<>();
    private final Map<String, List<String>> goals = new LinkedHashMap<>();
    private final Map<String, List<Map<String, Object>>> feedback = new LinkedHashMap<>();

    FakeMentoring() {
        signUp("leader-1", "SCHOOL_LEADER", "Anke de Vries", "SPO Zwolle");
        signUp("leader-2", "SCHOOL_LEADER", "Carla Smit", "OZHW");
        signUp("exec-1", "EXECUTIVE", "Bram Jansen", "Netbeheer Oost");
        signUp("exec-2", "EXECUTIVE", "Dirk Boer", "Boer Bouw");
        Map<String, Object> active = pair(MY_ACTIVE, "cohort-0", "leader-2", "exec-9", "ACTIVE");
        active.put("leaderAccepted", true);
        active.put("executiveAccepted", true);
        active.put("activatedOn", "2026-10-01");
        meetings.get(MY_ACTIVE).add(meeting("2026-10-15", 60, "IN_PERSON"));
        pair(MY_PROPOSED, COHORT, "leader-2", "exec-2", "PROPOSED").put("executiveAccepted", true);
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    synchronized void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        calls.add(new Call(method, path, auth, body));
        try {
            if (auth == null || !auth.startsWith("Bearer ")) {
                problem(exchange, 401, "Unauthorized", "A bearer token is required", List.of());
            } else if (path.startsWith("/api/my/")) {
                participant(exchange, method, path, body, auth.substring(7));
            } else {
                coordinator(exchange, method, path, body);
            }
        } catch (RuntimeException e) {
            problem(exchange, 500, "Fake failed", String.valueOf(e), List.of());
        }
    }

    private void coordinator(HttpExchange exchange, String method, String path, String body) throws IOException {
        String key = method + " " + path;
        String[] parts = path.split("/");
        if (key.equals("GET /api/programmes")) {
            json(exchange, 200, List.of(Map.of("id", "prog-1", "name", "Cross-mentoring schoolleiders",
                    "createdOn", "2026-09-01")));
        } else if (key.equals("POST /api/programmes")) {
            Map<?, ?> request = JSON.readValue(body, Map.class);
            if (request.get("name") == null || request.get("name").toString().isBlank()) {
                problem(exchange, 400, "Invalid request", "1 field(s) are not valid",
                        List.of(Map.of("field", "name", "reason", "must not be blank")));
            } else {
                json(exchange, 201, Map.of("id", "prog-" + ids.incrementAndGet(), "name", request.get("name")));
            }
        } else if (key.equals("GET /api/programmes/prog-1/cohorts")) {
            json(exchange, 200, List.of(cohort()));
        } else if (key.matches("POST /api/programmes/[^/]+/cohorts")) {
            Map<?, ?> request = JSON.readValue(body, Map.class);
            if (String.valueOf(request.get("ends")).compareTo(String.valueOf(request.get("starts"))) <= 0) {
                problem(exchange, 400, "Request rejected", "A cohort ends after it starts", List.of());
            } else {
                json(exchange, 201, Map.of("id", COHORT, "name", request.get("name")));
            }
        } else if (key.equals("GET /api/cohorts/" + COHORT) || key.equals("GET /api/cohorts/cohort-0")) {
            json(exchange, 200, cohort());
        } else if (key.equals("GET /api/cohorts/" + COHORT + "/sign-ups")
                || key.equals("GET /api/cohorts/cohort-0/sign-ups")) {
            json(exchange, 200, List.copyOf(signUps.values()));
        } else if (key.equals("POST /api/cohorts/" + COHORT + "/sign-ups")) {
            newSignUp(exchange, JSON.readValue(body, Map.class));
        } else if (key.matches("POST /api/sign-ups/[^/]+/withdrawal")) {
            Map<String, Object> signUp = signUps.get(parts[3]);
            signUp.put("status", "WITHDRAWN");
            json(exchange, 200, Map.of("id", parts[3], "status", "WITHDRAWN"));
        } else if (key.equals("GET /api/cohorts/" + COHORT + "/matching-rules")) {
            json(exchange, 200, Map.of("pins", keys(pins), "exclusions", keys(exclusions)));
        } else if (key.matches("POST /api/cohorts/" + COHORT + "/(pins|exclusions)(/removal)?")) {
            rule(exchange, parts[4], parts.length > 5, JSON.readValue(body, Map.class));
        } else if (key.equals("POST /api/cohorts/" + COHORT + "/matching-runs")) {
            json(exchange, 201, run());
        } else if (key.matches("GET /api/matching-runs/[^/]+") && runs.containsKey(parts[3])) {
            json(exchange, 200, runs.get(parts[3]));
        } else if (key.matches("POST /api/matching-runs/[^/]+/confirmation") && runs.containsKey(parts[3])) {
            json(exchange, 200, confirm(runs.get(parts[3])));
        } else if (key.equals("GET /api/cohorts/" + COHORT + "/pairs")) {
            json(exchange, 200, pairs.values().stream().filter(p -> COHORT.equals(p.get("cohortId"))).toList());
        } else if (key.equals("GET /api/cohorts/" + COHORT + "/quiet-pairs")) {
            json(exchange, 200, Map.of("afterWeeks", 3, "pairs", pairs.values().stream()
                    .filter(p -> p.get("quietSince") != null).toList()));
        } else if (key.matches("GET /api/pairs/[^/]+") && pairs.containsKey(parts[3])) {
            String id = parts[3];
            json(exchange, 200, Map.of("pair", pairs.get(id), "meetings", meetings.get(id), "goals", goals.get(id),
                    "feedback", feedback.get(id)));
        } else if (key.matches("POST /api/pairs/[^/]+/[a-z-]+") && pairs.containsKey(parts[3])) {
            step(exchange, pairs.get(parts[3]), parts[4], JSON.readValue(body, Map.class), null);
        } else if (key.equals("GET /api/cohorts/" + COHORT + "/figures")) {
            json(exchange, 200, figures());
        } else {
            problem(exchange, 404, "Not found", path + " not found", List.of());
        }
    }

    /** The participant's own pairs: only the demo participant has any; any other pair is not found. */
    private void participant(HttpExchange exchange, String method, String path, String body, String token)
            throws IOException {
        boolean demo = PARTICIPANT_TOKEN.equals(token) || token.startsWith("participant-");
        String[] parts = path.split("/");
        if (method.equals("GET") && path.equals("/api/my/pairs")) {
            json(exchange, 200, demo ? List.of(mine(pairs.get(MY_ACTIVE)), mine(pairs.get(MY_PROPOSED)))
                    : List.of());
        } else if (!demo || parts.length < 5 || !(parts[4].equals(MY_ACTIVE) || parts[4].equals(MY_PROPOSED))) {
            problem(exchange, 404, "Not found", "Pair not found", List.of());
        } else if (method.equals("GET") && parts.length == 5) {
            String id = parts[4];
            json(exchange, 200, Map.of("pair", mine(pairs.get(id)), "meetings", meetings.get(id),
                    "goals", goals.get(id), "feedback", feedback.get(id).stream()
                            .filter(f -> "SCHOOL_LEADER".equals(f.get("side"))).toList()));
        } else if (method.equals("POST") && parts.length == 6) {
            step(exchange, pairs.get(parts[4]), parts[5], JSON.readValue(body, Map.class), "SCHOOL_LEADER");
        } else {
            problem(exchange, 404, "Not found", "Not found", List.of());
        }
    }

    /** A step of a pair as mentoring takes it: out of order is 409, a bad value 400. */
    private void step(HttpExchange exchange, Map<String, Object> pair, String step, Map<?, ?> request,
            String participantSide) throws IOException {
        String id = (String) pair.get("id");
        String status = (String) pair.get("status");
        Object side = participantSide != null ? participantSide : request.get("side");
        switch (step) {
            case "acceptance" -> {
                if (!status.equals("PROPOSED")) {
                    problem(exchange, 409, "Not possible now", "Only a proposed pair is accepted", List.of());
                    return;
                }
                pair.put("SCHOOL_LEADER".equals(side) ? "leaderAccepted" : "executiveAccepted", true);
                if (Boolean.TRUE.equals(pair.get("leaderAccepted")) && Boolean.TRUE.equals(
                        pair.get("executiveAccepted"))) {
                    pair.put("status", "ACCEPTED");
                }
            }
            case "refusal" -> pair.put("status", "DECLINED");
            case "activation" -> {
                if (!status.equals("ACCEPTED")) {
                    problem(exchange, 409, "Not possible now", "A pair starts once both sides accepted",
                            List.of());
                    return;
                }
                pair.put("status", "ACTIVE");
                pair.put("activatedOn", "2026-11-27");
            }
            case "completion" -> pair.put("status", "COMPLETED");
            case "early-end" -> {
                pair.put("status", "ENDED_EARLY");
                pair.put("endReason", request.get("reason"));
            }
            case "meetings" -> {
                Object minutes = request.get("minutes");
                if (!(minutes instanceof Integer n) || n < 1 || n > 480 || request.get("on") == null) {
                    problem(exchange, 400, "Invalid request", "1 field(s) are not valid",
                            List.of(Map.of("field", "minutes", "reason", "must be between 1 and 480")));
                    return;
                }
                meetings.get(id).add(meeting((String) request.get("on"), n, (String) request.get("mode")));
                pair.put("meetings", meetings.get(id).size());
            }
            case "goals" -> goals.get(id).add((String) request.get("text"));
            case "feedback" -> {
                Map<String, Object> given = new LinkedHashMap<>();
                given.put("side", side);
                given.put("moment", request.get("moment"));
                given.put("score", request.get("score"));
                given.put("text", request.get("text"));
                feedback.get(id).add(given);
            }
            default -> {
                problem(exchange, 404, "Not found", step, List.of());
                return;
            }
        }
        json(exchange, 200, participantSide != null ? mine(pair) : pair);
    }

    private void newSignUp(HttpExchange exchange, Map<?, ?> request) throws IOException {
        List<Map<String, String>> errors = new ArrayList<>();
        if (!Boolean.TRUE.equals(request.get("consent"))) {
            errors.add(Map.of("field", "consent", "reason", "the person must consent"));
        }
        if (!(request.get("themes") instanceof Map<?, ?> themes) || themes.isEmpty()) {
            errors.add(Map.of("field", "themes", "reason", "must not be empty"));
        }
        // as mentoring's SignUpRequest: the link's form, and its own consent
        Object staffLink = request.get("staffLink");
        if (staffLink != null && !String.valueOf(staffLink).matches("[0-9]{2}[A-Z]{2}[0-9]{2}:[A-Za-z0-9][A-Za-z0-9._-]{0,39}")) {
            errors.add(Map.of("field", "staffLink", "reason",
                    "must be <vestigingscode>:<the school's staff reference>, e.g. 21CM00:T-0412"));
        }
        if (staffLink != null && !Boolean.TRUE.equals(request.get("staffLinkConsent"))) {
            errors.add(Map.of("field", "consentGivenForStaffLink", "reason",
                    "a staff link needs the school leader's own consent"));
        }
        if (!errors.isEmpty()) {
            problem(exchange, 400, "Invalid request", errors.size() + " field(s) are not valid", errors);
            return;
        }
        String id = "sign-up-" + ids.incrementAndGet();
        Map<String, Object> signUp = signUp(id, (String) request.get("side"), (String) request.get("name"),
                (String) request.get("organisation"));
        signUp.put("themes", request.get("themes"));
        signUp.put("account", request.get("account"));
        signUp.put("staffLinkSchool", staffLink == null ? null : String.valueOf(staffLink).substring(0, 6));
        json(exchange, 201, signUp);
    }

    private void rule(HttpExchange exchange, String kind, boolean removal, Map<?, ?> request) throws IOException {
        String key = request.get("leader") + "|" + request.get("executive");
        Set<String> rules = kind.equals("pins") ? pins : exclusions;
        if (!removal && kind.equals("exclusions") && pins.contains(key)) {
            problem(exchange, 409, "Not possible now", "This pair is pinned; unpin it first", List.of());
            return;
        }
        if (removal) {
            rules.remove(key);
        } else {
            rules.add(key);
        }
        json(exchange, 200, Map.of("pins", keys(pins), "exclusions", keys(exclusions)));
    }

    /** Pairs leaders and executives in order, pins first, never an excluded pair (a stand-in for the solver). */
    private Map<String, Object> run() {
        List<String> leaders = active("SCHOOL_LEADER");
        List<String> executives = active("EXECUTIVE");
        List<Map<String, Object>> proposed = new ArrayList<>();
        Set<String> taken = new LinkedHashSet<>();
        for (String pin : pins) {
            String[] key = pin.split("\\|");
            proposed.add(proposed(key[0], key[1], true));
            taken.add(key[0]);
            taken.add(key[1]);
        }
        for (String leader : leaders) {
            for (String executive : executives) {
                if (!taken.contains(leader) && !taken.contains(executive)
                        && !exclusions.contains(leader + "|" + executive)) {
                    proposed.add(proposed(leader, executive, false));
                    taken.add(leader);
                    taken.add(executive);
                }
            }
        }
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("id", "run-" + ids.incrementAndGet());
        run.put("cohortId", COHORT);
        run.put("status", "PROPOSED");
        run.put("objective", proposed.stream().mapToInt(p -> (Integer) ((Map<?, ?>) p.get("score")).get("total"))
                .sum());
        run.put("provenOptimal", true);
        run.put("leaders", leaders.size());
        run.put("executives", executives.size());
        run.put("candidatePairs", leaders.size() * executives.size() - exclusions.size());
        run.put("pairs", proposed);
        runs.put((String) run.get("id"), run);
        return run;
    }

    private List<Map<String, Object>> confirm(Map<String, Object> run) {
        run.put("status", "CONFIRMED");
        List<Map<String, Object>> made = new ArrayList<>();
        for (Object each : (List<?>) run.get("pairs")) {
            Map<?, ?> key = (Map<?, ?>) ((Map<?, ?>) each).get("pair");
            made.add(pair("pair-" + ids.incrementAndGet(), COHORT, (String) key.get("leader"),
                    (String) key.get("executive"), "PROPOSED"));
        }
        return made;
    }

    private Map<String, Object> figures() {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("cohortId", COHORT);
        figures.put("schoolLeadersSignedUp", 2);
        figures.put("executivesSignedUp", 2);
        figures.put("withdrawn", 0);
        figures.put("pairsMatched", 4);
        figures.put("pairsDeclined", 1);
        figures.put("pairsStarted", 2);
        figures.put("pairsActiveNow", 1);
        figures.put("pairsCompleted", 1);
        figures.put("pairsQuietNow", 1);
        figures.put("activePairRate", 0.5);
        figures.put("meetings", 7);
        figures.put("meetingsPerStartedPair", 3.5);
        figures.put("feedback", List.of(Map.of("moment", "MIDWAY", "side", "SCHOOL_LEADER", "given", 2,
                "averageScore", 4.5), Map.of("moment", "MIDWAY", "side", "EXECUTIVE", "given", 2,
                "averageScore", 3.0)));
        figures.put("earlyEndings", Map.of("NO_TIME", 1));
        Map<String, Object> shortage = new LinkedHashMap<>();
        shortage.put("leadersTookPart", 2);
        shortage.put("followed", 2);
        shortage.put("stayed", 1);
        shortage.put("left", 1);
        shortage.put("unknown", 0);
        shortage.put("ambassadors", 1);
        figures.put("shortage", shortage);
        return figures;
    }

    private List<String> active(String side) {
        return signUps.values().stream().filter(s -> side.equals(s.get("side"))
                && "SIGNED_UP".equals(s.get("status"))).map(s -> (String) s.get("id")).toList();
    }

    private Map<String, Object> proposed(String leader, String executive, boolean pinned) {
        Map<String, Object> score = new LinkedHashMap<>();
        score.put("pairPoints", 10);
        score.put("themes", List.of(Map.of("theme", "LEADERSHIP", "importance", 3, "points", 30)));
        score.put("regionPoints", 15);
        score.put("total", 55);
        Map<String, Object> proposed = new LinkedHashMap<>();
        proposed.put("pair", Map.of("leader", leader, "executive", executive));
        proposed.put("leaderRef", "ref-" + leader);
        proposed.put("executiveRef", "ref-" + executive);
        proposed.put("score", score);
        proposed.put("pinned", pinned);
        return proposed;
    }

    private Map<String, Object> mine(Map<String, Object> pair) {
        Map<String, Object> partner = new LinkedHashMap<>();
        Map<String, Object> other = signUps.getOrDefault((String) pair.get("executiveSignUp"),
                Map.of("name", "Egbert Veen", "organisation", "Veen Logistiek"));
        partner.put("side", "EXECUTIVE");
        partner.put("name", other.get("name"));
        partner.put("organisation", other.get("organisation"));
        partner.put("email", "partner@example.org");
        Map<String, Object> mine = new LinkedHashMap<>();
        mine.put("id", pair.get("id"));
        mine.put("cohortId", pair.get("cohortId"));
        mine.put("side", "SCHOOL_LEADER");
        mine.put("status", pair.get("status"));
        mine.put("youAccepted", pair.get("leaderAccepted"));
        mine.put("partnerAccepted", pair.get("executiveAccepted"));
        mine.put("partner", partner);
        mine.put("proposedOn", pair.get("proposedOn"));
        mine.put("activatedOn", pair.get("activatedOn"));
        mine.put("meetings", meetings.get((String) pair.get("id")).size());
        return mine;
    }

    private Map<String, Object> signUp(String id, String side, String name, String organisation) {
        Map<String, Object> signUp = new LinkedHashMap<>();
        signUp.put("id", id);
        signUp.put("cohortId", COHORT);
        signUp.put("side", side);
        signUp.put("name", name);
        signUp.put("email", name.toLowerCase().replace(' ', '.') + "@example.org");
        signUp.put("sector", "PO");
        signUp.put("region", "AM36");
        signUp.put("organisation", organisation);
        signUp.put("themes", Map.of("LEADERSHIP", 3));
        signUp.put("capacity", 1);
        signUp.put("status", "SIGNED_UP");
        signUps.put(id, signUp);
        return signUp;
    }

    private Map<String, Object> pair(String id, String cohort, String leader, String executive, String status) {
        Map<String, Object> pair = new LinkedHashMap<>();
        pair.put("id", id);
        pair.put("cohortId", cohort);
        pair.put("leaderSignUp", leader);
        pair.put("executiveSignUp", executive);
        pair.put("score", 55);
        pair.put("status", status);
        pair.put("leaderAccepted", false);
        pair.put("executiveAccepted", false);
        pair.put("proposedOn", "2026-11-20");
        pair.put("activatedOn", null);
        pair.put("endReason", null);
        pair.put("meetings", 0);
        pair.put("lastContact", null);
        pair.put("quietSince", null);
        pairs.put(id, pair);
        meetings.put(id, new ArrayList<>());
        goals.put(id, new ArrayList<>());
        feedback.put(id, new ArrayList<>());
        return pair;
    }

    private static Map<String, Object> meeting(String on, int minutes, String mode) {
        return Map.of("on", on, "minutes", minutes, "mode", mode);
    }

    private static Map<String, Object> cohort() {
        return Map.of("id", COHORT, "programmeId", "prog-1", "name", "Voorjaar 2027", "signUpOpens", "2026-11-01",
                "signUpCloses", "2026-12-15", "starts", "2027-01-10", "ends", "2027-05-10");
    }

    private static List<Map<String, String>> keys(Set<String> rules) {
        return rules.stream().map(key -> Map.of("leader", key.split("\\|")[0], "executive", key.split("\\|")[1]))
                .toList();
    }

    private static void problem(HttpExchange exchange, int status, String title, String detail,
            List<Map<String, String>> errors) throws IOException {
        FakeServices.problem(exchange, status, title, detail, errors);
    }

    private static void json(HttpExchange exchange, int status, Object body) throws IOException {
        FakeServices.json(exchange, status, body);
    }
}
