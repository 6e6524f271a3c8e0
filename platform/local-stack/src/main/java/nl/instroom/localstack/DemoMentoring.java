package nl.instroom.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Cross-mentoring's demo in the local stack, once, entirely through mentoring's own API as the demo programme
 * coordinator: a programme with a cohort whose sign-up closes on the first start, six school leaders and five
 * executives (made-up people on example.org; one executive takes two pairs), a pin and an exclusion, a matching
 * run that is confirmed, and its pairs in several states — the demo participant's pair waiting for their yes (the
 * executive said yes), two running pairs with meetings, a goal and mid-way feedback, one accepted but not started,
 * one declined and one ended early. The same input on every fresh start, so the same pairs, each leader's pair in
 * the same state.
 *
 * <p>Two leaders whose pair started sign up with a staff link ({@link #LINKED}) at a demo school that holds stay
 * interviews; the living demo, seeded after this, registers them at that school ({@link DemoStay}), enters a leaving
 * date for one and has the scout nominate the other ambassador ({@link DemoScouting}), so the cohort's shortage
 * figures show a leader who stayed, one who left, one unknown (no link) and one ambassador. This runs first because
 * mentoring keeps nothing about a reference before a sign-up carries it (docs/mentoring.md, Limits).
 */
final class DemoMentoring {

    static final String MARKER = "demo-mentoring-seeded";
    /** The services run on UTC: "today" is their day, or a meeting logged today could lie in their future. */
    private static final ZoneId HERE = java.time.ZoneOffset.UTC;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One demo sign-up: side, name, organisation, region, themes with importance, capacity, sign-in name. */
    record Person(String side, String name, String organisation, String region, Map<String, Integer> themes,
            int capacity, String account) {
    }

    /**
     * A demo school leader who works at one of the living demo's stay-interview schools and links their staff
     * reference there ({@code <schoolCode>:<staffRef>}, the reference stay-interviews and scouting use) with its own
     * consent.
     *
     * @param leader the leader's place among the school leaders of {@link #PEOPLE}
     * @param hrSchool the school's place in {@link LivingDemo#hrSchools()}
     * @param staffRef the reference the school's HR gives them
     * @param leaves whether HR enters a leaving date for them (they count as left)
     * @param ambassador whether the scout of the school's region nominates them ambassador
     */
    record LinkedLeader(int leader, int hrSchool, String staffRef, boolean leaves, boolean ambassador) {

        String link(List<String> hrSchools) {
            return hrSchools.get(hrSchool) + ":" + staffRef;
        }
    }

    /**
     * Ilse Hoekstra at Regio Zwolle's largest secondary school stays and becomes an ambassador; Ruben Mulder at
     * Flevoland's largest leaves. Both pairs start; Marieke Visser's pair starts too, without a link (unknown).
     */
    static final List<LinkedLeader> LINKED = List.of(
            new LinkedLeader(1, 0, "schoolleider-110", false, true),
            new LinkedLeader(2, 3, "schoolleider-110", true, false));

    /** The linked leaders at this stay-interview school (its place in {@link LivingDemo#hrSchools()}). */
    static List<LinkedLeader> linkedAt(int hrSchool) {
        return LINKED.stream().filter(linked -> linked.hrSchool() == hrSchool).toList();
    }

    /** The demo participant's own sign-up, linked to their demo sign-in; they are paired with the first executive. */
    static final List<Person> PEOPLE = List.of(
            new Person("SCHOOL_LEADER", "Demo Schoolleider", "Stichting Openbaar Onderwijs Zwolle", "AM36",
                    Map.of("RECRUITMENT_AND_RETENTION", 3, "LEADERSHIP", 2), 1, DemoIdentities.PARTICIPANT),
            new Person("SCHOOL_LEADER", "Ilse Hoekstra", "Stichting Voortgezet Onderwijs IJsseldelta", "AM36",
                    Map.of("CHANGE_MANAGEMENT", 3, "WELLBEING", 2), 1, null),
            new Person("SCHOOL_LEADER", "Ruben Mulder", "Scholengroep Almere", "AM11",
                    Map.of("DIGITALISATION", 3, "INNOVATION", 2), 1, null),
            new Person("SCHOOL_LEADER", "Fatima El Amrani", "Stichting Onderwijs Lelystad", "AM11",
                    Map.of("DIVERSITY_AND_INCLUSION", 3, "COMMUNICATION", 1), 1, null),
            new Person("SCHOOL_LEADER", "Pieter de Graaf", "Landstede Groep", "AM36",
                    Map.of("FINANCE", 2, "STRATEGY", 3), 1, null),
            new Person("SCHOOL_LEADER", "Marieke Visser", "Openbaar Primair Onderwijs Dronten", "AM11",
                    Map.of("TALENT_DEVELOPMENT", 3, "LEADERSHIP", 1), 1, null),
            new Person("EXECUTIVE", "Hendrik Jansen", "Netbeheer Oost", "AM36",
                    Map.of("RECRUITMENT_AND_RETENTION", 1, "LEADERSHIP", 1), 1, null),
            new Person("EXECUTIVE", "Sophie de Boer", "Zorggroep Flevoland", "AM11",
                    Map.of("WELLBEING", 1, "CHANGE_MANAGEMENT", 1, "DIVERSITY_AND_INCLUSION", 1), 2, null),
            new Person("EXECUTIVE", "Bas Koster", "Koster Software", "AM11",
                    Map.of("DIGITALISATION", 1, "INNOVATION", 1), 1, null),
            new Person("EXECUTIVE", "Anouk Smit", "Bouwbedrijf IJssel", "AM36",
                    Map.of("STRATEGY", 1, "FINANCE", 1), 1, null),
            new Person("EXECUTIVE", "Joost Bakker", "Bank Noord-Nederland", "AM36",
                    Map.of("TALENT_DEVELOPMENT", 1, "LEADERSHIP", 1), 1, null));

    private DemoMentoring() {
    }

    static void seedOnce(Path data, String mentoring, String issuer, DemoIdentities identities,
            String portalRedirectUri) throws IOException, InterruptedException {
        Path marker = data.resolve(MARKER);
        if (Files.exists(marker)) {
            return;
        }
        String token = new DemoSignIn(issuer, portalRedirectUri).accessToken(DemoIdentities.PROGRAMME_COORDINATOR,
                identities.password(DemoIdentities.PROGRAMME_COORDINATOR),
                identities.secondFactorSecret(DemoIdentities.PROGRAMME_COORDINATOR));
        Api api = new Api(mentoring, token);
        LocalDate today = LocalDate.now(HERE);
        String programme = api.send("POST", "/api/programmes",
                Map.of("name", "Cross-mentoring schoolleiders en bestuurders"), 201).get("id").asString();
        // sign-up closes today, so the demo can enter sign-ups now and the pairs may start today
        String cohort = api.send("POST", "/api/programmes/" + programme + "/cohorts", Map.of("name",
                "Demo-ronde", "signUpOpens", today.minusDays(30).toString(), "signUpCloses", today.toString(),
                "starts", today.toString(), "ends", today.plusMonths(4).toString()), 201).get("id").asString();
        List<String> leaders = new ArrayList<>();
        List<String> executives = new ArrayList<>();
        List<String> hrSchools = LivingDemo.hrSchools();
        for (Person person : PEOPLE) {
            LinkedLeader linked = person.side().equals("SCHOOL_LEADER") ? LINKED.stream()
                    .filter(each -> each.leader() == leaders.size()).findFirst().orElse(null) : null;
            Map<String, Object> signUp = new LinkedHashMap<>();
            signUp.put("side", person.side());
            signUp.put("name", person.name());
            signUp.put("email", person.name().toLowerCase(java.util.Locale.ROOT).replace(' ', '.')
                    + "@example.org");
            // the linked leaders lead secondary schools, as the living demo's stay-interview schools are
            signUp.put("sector", person.side().equals("SCHOOL_LEADER") ? (linked == null ? "PO" : "VO")
                    : "bedrijfsleven");
            signUp.put("region", person.region());
            signUp.put("organisation", person.organisation());
            signUp.put("themes", person.themes());
            signUp.put("availability", person.side().equals("SCHOOL_LEADER") ? List.of("AFTERNOON") : List.of());
            signUp.put("capacity", person.capacity());
            signUp.put("notWith", List.of());
            signUp.put("consent", true);
            if (person.account() != null) {
                signUp.put("account", person.account());
            }
            if (linked != null) {
                signUp.put("staffLink", linked.link(hrSchools));
                signUp.put("staffLinkConsent", true);
            }
            String id = api.send("POST", "/api/cohorts/" + cohort + "/sign-ups", signUp, 201).get("id").asString();
            (person.side().equals("SCHOOL_LEADER") ? leaders : executives).add(id);
        }
        // the coordinator's own choices: the demo participant with Hendrik Jansen; Marieke Visser not with Bas
        // Koster. Every leader has an executive of their own themes (Sophie de Boer takes two), so all six are paired.
        api.send("POST", "/api/cohorts/" + cohort + "/pins", Map.of("leader", leaders.get(0), "executive",
                executives.get(0)), 200);
        api.send("POST", "/api/cohorts/" + cohort + "/exclusions", Map.of("leader", leaders.get(5), "executive",
                executives.get(2)), 200);
        String run = api.send("POST", "/api/cohorts/" + cohort + "/matching-runs", null, 201).get("id").asString();
        JsonNode pairs = api.send("POST", "/api/matching-runs/" + run + "/confirmation", null, 200);
        // each leader's pair by the leader, so every fresh start gives the same leader the same state
        Map<String, String> pairOf = new LinkedHashMap<>();
        for (JsonNode pair : pairs) {
            pairOf.put(pair.get("leaderSignUp").asString(), pair.get("id").asString());
        }
        if (!pairOf.keySet().containsAll(leaders)) {
            throw new IllegalStateException("The demo matching gave " + pairs.size() + " pairs, expected one for "
                    + "each of the " + leaders.size() + " school leaders");
        }
        // the demo participant's pair: the executive said yes; the participant's own yes is theirs to give
        api.accept(pairOf.get(leaders.get(0)), "EXECUTIVE");
        // Ilse Hoekstra's and Ruben Mulder's pairs run, with meetings, a goal and mid-way feedback
        for (int i = 0; i < 2; i++) {
            String pair = pairOf.get(leaders.get(1 + i));
            api.accept(pair, "SCHOOL_LEADER");
            api.accept(pair, "EXECUTIVE");
            api.send("POST", "/api/pairs/" + pair + "/activation", null, 200);
            for (int meeting = 0; meeting <= i; meeting++) {
                api.send("POST", "/api/pairs/" + pair + "/meetings", Map.of("on", today.toString(), "minutes",
                        60 + 30 * meeting, "mode", meeting == 0 ? "IN_PERSON" : "ONLINE"), 200);
            }
            api.send("POST", "/api/pairs/" + pair + "/goals", Map.of("side", "SCHOOL_LEADER", "text",
                    "Een plan om zij-instromers binnen te halen en te houden"), 200);
            api.send("POST", "/api/pairs/" + pair + "/feedback", Map.of("side", "SCHOOL_LEADER", "moment",
                    "MIDWAY", "score", 4 + i % 2), 200);
            api.send("POST", "/api/pairs/" + pair + "/feedback", Map.of("side", "EXECUTIVE", "moment", "MIDWAY",
                    "score", 3 + i), 200);
        }
        // Fatima El Amrani's is accepted, not started; Pieter de Graaf's executive declines; Marieke Visser's
        // starts and ends early
        api.accept(pairOf.get(leaders.get(3)), "SCHOOL_LEADER");
        api.accept(pairOf.get(leaders.get(3)), "EXECUTIVE");
        api.send("POST", "/api/pairs/" + pairOf.get(leaders.get(4)) + "/refusal", Map.of("side", "EXECUTIVE"), 200);
        String endsEarly = pairOf.get(leaders.get(5));
        api.accept(endsEarly, "SCHOOL_LEADER");
        api.accept(endsEarly, "EXECUTIVE");
        api.send("POST", "/api/pairs/" + endsEarly + "/activation", null, 200);
        api.send("POST", "/api/pairs/" + endsEarly + "/early-end", Map.of("reason", "NO_TIME"), 200);
        Files.writeString(marker, cohort + "\n");
        System.out.println("  demo data: " + DemoIdentities.PROGRAMME_COORDINATOR + " ran a demo cohort of "
                + "cross-mentoring in mentoring (" + PEOPLE.size() + " sign-ups, " + pairs.size() + " pairs; "
                + DemoIdentities.PARTICIPANT + "'s pair waits for their yes; " + LINKED.size()
                + " school leaders linked their staff reference)");
    }

    /** mentoring's API as the coordinator; any other answer than the expected one stops the seed, saying why. */
    private record Api(String base, String token) {

        private static final HttpClient HTTP = HttpClient.newHttpClient();

        void accept(String pair, String side) throws IOException, InterruptedException {
            send("POST", "/api/pairs/" + pair + "/acceptance", Map.of("side", side), 200);
        }

        JsonNode send(String method, String path, Object body, int expected) throws IOException,
                InterruptedException {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                    .method(method, HttpRequest.BodyPublishers.ofString(body == null ? "{}"
                            : JSON.writeValueAsString(body))).build();
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException("Demo mentoring refused (" + method + " " + path + ": "
                        + response.statusCode() + "): " + response.body());
            }
            return JSON.readTree(response.body());
        }
    }
}
