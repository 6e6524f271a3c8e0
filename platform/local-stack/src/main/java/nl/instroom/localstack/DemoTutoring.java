package nl.instroom.localstack;

import java.io.IOException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * A region's pupils who tutor, as its coordinator registers them: thirty made-up pupils (names from two lists, no
 * real person), a few under 16 without a parent's consent (so they may not be placed and matching never sees them)
 * and a few under 16 with it, and placements in every state — proposed, confirmed, active since some weeks or
 * months, completed with the school's evaluation (a talent of 4 or 5 becomes a talent scout's suggestion by event),
 * cancelled with a reason — at the region's larger secondary schools, the demo HR schools among them.
 *
 * <p>Two rules keep the demo out of the way of the end-to-end journeys, which register their own maths pupils near
 * the first demo HR school and expect matching to propose exactly them: a pupil with an open placement has the two
 * hours a week one placement takes (so matching has no hours of theirs left), and a pupil who may be placed without
 * an open placement does not offer mathematics in Regio Zwolle. The first demo HR school gets only completed and
 * cancelled placements, so its places stay free.
 */
final class DemoTutoring {

    private enum Plan { NO_CONSENT, FREE, PROPOSED, CONFIRMED, ACTIVE, COMPLETED, CANCELLED }

    /** Thirty pupils: what becomes of each, in registration order. */
    private static final List<Plan> PLANS = plans(Map.of(Plan.NO_CONSENT, 3, Plan.FREE, 6, Plan.PROPOSED, 3,
            Plan.CONFIRMED, 3, Plan.ACTIVE, 6, Plan.COMPLETED, 6, Plan.CANCELLED, 3));
    private static final Set<Plan> OPEN = Set.of(Plan.PROPOSED, Plan.CONFIRMED, Plan.ACTIVE);
    private static final List<String> FIRST_NAMES = List.of("Sanne", "Daan", "Lotte", "Sem", "Emma", "Luuk", "Julia",
            "Milan", "Tess", "Finn", "Anouk", "Thijs", "Isa", "Jesse", "Fenna", "Ruben", "Noa", "Bram", "Evi", "Lars",
            "Yara", "Stijn", "Mila", "Gijs", "Roos", "Mees", "Lieke", "Jayden", "Amira", "Hidde");
    private static final List<String> LAST_NAMES = List.of("de Boer", "Mulder", "Bosman", "Kuipers", "Veenstra",
            "Dijkstra", "Hoekstra", "Smit", "Postma", "van Dam", "Brouwer", "Wolters", "Jansen", "Meijer", "Timmer",
            "Kramer", "Nijboer", "Vos", "El Amrani", "Yilmaz", "Oosterhof", "Bakker", "Huisman", "Schuurman");
    private static final List<String> ZWOLLE_FREE_SUBJECTS = List.of("natuurkunde", "duits", "engels", "scheikunde",
            "biologie", "nederlands");
    private static final List<String> SUBJECTS = List.of("wiskunde", "natuurkunde", "duits", "engels", "scheikunde",
            "biologie", "nederlands");
    private static final List<String> LEVELS = List.of("vmbo", "havo", "vwo");
    private static final List<DayOfWeek> WEEKDAYS = List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
            DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
    private static final List<String> CANCEL_REASONS = List.of("SCHOOL_DECLINED", "TUTOR_DECLINED",
            "SCHEDULE_CONFLICT");
    private static final List<int[]> EVALUATIONS = List.of(new int[] {5, 5}, new int[] {4, 4}, new int[] {4, 3},
            new int[] {3, 2}, new int[] {5, 4}, new int[] {3, 3});
    private static final List<String> NOTES = List.of("Legt geduldig uit en houdt de groep bij de les",
            "Betrouwbaar, kwam elke week voorbereid", "Goed met kleine groepjes, nog onzeker voor de klas",
            "Kwam vaak te laat; de leerlingen mochten hem wel", "Zag zelf wie vastliep en hielp zonder te wachten",
            "Rustig en vriendelijk");

    private final DemoData.DemoRegion region;
    private final DemoHttp tutoring;
    private final List<String> hrSchools;
    private final Random random;

    DemoTutoring(DemoData.DemoRegion region, DemoHttp tutoring, List<String> hrSchools, long seed) {
        this.region = region;
        this.tutoring = tutoring;
        this.hrSchools = hrSchools;
        this.random = new Random(seed);
    }

    private static List<Plan> plans(Map<Plan, Integer> counts) {
        // interleaved, so the list of tutors (in name order) mixes them
        Map<Plan, Integer> left = new EnumMap<>(counts);
        List<Plan> plans = new ArrayList<>();
        while (left.values().stream().anyMatch(n -> n > 0)) {
            for (Plan plan : Plan.values()) {
                if (left.get(plan) > 0) {
                    plans.add(plan);
                    left.merge(plan, -1, Integer::sum);
                }
            }
        }
        return plans;
    }

    String seed() throws IOException, InterruptedException {
        List<JsonNode> secondary = DemoData.secondarySchools(DemoData.schools(region)).stream()
                .filter(school -> school.path("postcode").asString("").matches("[1-9][0-9]{3}.*")).toList();
        String firstHrSchool = hrSchools.get(0);
        // Where placements are: the region's larger secondary schools, its demo HR schools first.
        List<JsonNode> hosts = new ArrayList<>();
        secondary.stream().filter(school -> hrSchools.contains(code(school))).forEach(hosts::add);
        secondary.stream().filter(school -> !hrSchools.contains(code(school))).limit(8).forEach(hosts::add);
        List<JsonNode> openHosts = hosts.stream().filter(school -> !code(school).equals(firstHrSchool)).toList();
        awaitTutoringKnows(hosts);

        Map<Plan, Integer> made = new EnumMap<>(Plan.class);
        Set<String> names = new HashSet<>();
        int underSixteenWithConsent = 0;
        int completedAtFirst = 0;
        for (int i = 0; i < PLANS.size(); i++) {
            Plan plan = PLANS.get(i);
            boolean open = OPEN.contains(plan);
            JsonNode host;
            if (plan == Plan.COMPLETED || plan == Plan.CANCELLED) {
                // the first demo HR school sees its completed and cancelled placements (half of them)
                host = i % 2 == 0 || !hosts.stream().anyMatch(s -> code(s).equals(firstHrSchool))
                        ? hosts.get(random.nextInt(hosts.size())) : hosts.get(0);
            } else {
                host = openHosts.get(random.nextInt(openHosts.size()));
            }
            // the first of each placed kind, and the first free one, is under 16 with a parent's consent
            boolean withConsent = plan != Plan.NO_CONSENT && plan != Plan.CANCELLED && !made.containsKey(plan);
            boolean underSixteen = plan == Plan.NO_CONSENT || withConsent;
            int age = underSixteen ? 14 + random.nextInt(2) : 16 + random.nextInt(3);
            String subject = subjectFor(plan);
            String name = name(names);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", name);
            body.put("schoolAttended", secondary.get(random.nextInt(Math.min(20, secondary.size()))).get("naam")
                    .asString());
            body.put("schoolYear", Math.max(1, Math.min(6, age - 12)));
            body.put("dateOfBirth", LocalDate.now().minusYears(age).minusDays(20 + random.nextInt(300)).toString());
            List<Map<String, String>> subjects = new ArrayList<>(List.of(Map.of("subject", subject, "level",
                    LEVELS.get(random.nextInt(LEVELS.size())))));
            String second = subjectFor(plan);
            if (!second.equals(subject) && random.nextBoolean()) {
                subjects.add(Map.of("subject", second, "level", LEVELS.get(random.nextInt(LEVELS.size()))));
            }
            body.put("subjects", subjects);
            // one placement takes two hours a week: a pupil with an open one has no hours left for matching
            body.put("hoursPerWeek", open ? 2 : 2 + 2 * random.nextInt(2));
            body.put("weekdays", weekdays());
            String nearby = open || plan == Plan.COMPLETED || plan == Plan.CANCELLED ? postcode(host)
                    : postcode(secondary.get(random.nextInt(Math.min(30, secondary.size()))));
            body.put("pc4", nearby.substring(0, 4));
            body.put("maxTravelKm", 5 + random.nextInt(16));
            String tutor = register(body, secondary);
            if (underSixteen && plan != Plan.NO_CONSENT) {
                tutoring.put("/api/tutors/" + tutor + "/parental-consent",
                        Map.of("givenOn", LocalDate.now().minusDays(10 + random.nextInt(60)).toString()), 200);
                underSixteenWithConsent++;
            }
            if (plan != Plan.NO_CONSENT && plan != Plan.FREE) {
                place(plan, tutor, code(host), subject);
                if (plan == Plan.COMPLETED && code(host).equals(firstHrSchool)) {
                    completedAtFirst++;
                }
            }
            made.merge(plan, 1, Integer::sum);
        }
        return region.coordinator() + " registered " + PLANS.size() + " tutors (" + made.get(Plan.NO_CONSENT)
                + " under 16 without a parent's consent, " + underSixteenWithConsent + " under 16 with it) and placed "
                + (PLANS.size() - made.get(Plan.NO_CONSENT) - made.get(Plan.FREE)) + " at " + hosts.size()
                + " schools: " + made + " (" + completedAtFirst + " completed at " + firstHrSchool + ")";
    }

    /**
     * Registers the pupil; should tutoring's postcode table not know the PC4 of a school's postcode (DUO's file is
     * newer than it), the pupil lives by another of the region's schools.
     */
    private String register(Map<String, Object> body, List<JsonNode> secondary) throws IOException,
            InterruptedException {
        for (int attempt = 0; ; attempt++) {
            try {
                return tutoring.post("/api/tutors", body, 201).get("id").asString();
            } catch (IllegalStateException refused) {
                if (!refused.getMessage().contains("does not exist") || attempt >= 5) {
                    throw refused;
                }
                body.put("pc4", postcode(secondary.get(attempt)).substring(0, 4));
            }
        }
    }

    /** Proposes the placement and takes it as far as its plan says, each step as the coordinator would. */
    private void place(Plan plan, String tutor, String school, String subject) throws IOException,
            InterruptedException {
        String placement = tutoring.post("/api/placements", Map.of("tutorId", tutor, "schoolCode", school,
                "subject", subject, "hoursPerWeek", 2), 201).get("id").asString();
        String path = "/api/placements/" + placement;
        if (plan == Plan.PROPOSED) {
            return;
        }
        if (plan == Plan.CANCELLED) {
            if (random.nextBoolean()) {
                tutoring.post(path + "/confirm", null, 200);
            }
            tutoring.post(path + "/cancel", Map.of("reasonCode",
                    CANCEL_REASONS.get(random.nextInt(CANCEL_REASONS.size()))), 200);
            return;
        }
        tutoring.post(path + "/confirm", null, 200);
        if (plan == Plan.CONFIRMED) {
            return;
        }
        LocalDate started = LocalDate.now().minusDays(plan == Plan.COMPLETED ? 90 + random.nextInt(90)
                : 14 + random.nextInt(100));
        tutoring.post(path + "/start", Map.of("startedOn", started.toString()), 200);
        if (plan == Plan.COMPLETED) {
            int[] evaluation = EVALUATIONS.get(random.nextInt(EVALUATIONS.size()));
            tutoring.post(path + "/complete", Map.of("reliability", evaluation[0], "talentForTeaching",
                    evaluation[1], "note", NOTES.get(random.nextInt(NOTES.size()))), 200);
        }
    }

    /**
     * A subject the pupil offers: with an open placement or without a parent's consent any; otherwise, in Regio
     * Zwolle, not mathematics (see the class comment).
     */
    private String subjectFor(Plan plan) {
        boolean matchable = plan == Plan.FREE || plan == Plan.COMPLETED || plan == Plan.CANCELLED;
        List<String> from = matchable && region.code().equals("AM36") ? ZWOLLE_FREE_SUBJECTS : SUBJECTS;
        return from.get(random.nextInt(from.size()));
    }

    private String name(Set<String> taken) {
        while (true) {
            String name = FIRST_NAMES.get(random.nextInt(FIRST_NAMES.size())) + " "
                    + LAST_NAMES.get(random.nextInt(LAST_NAMES.size()));
            if (taken.add(name)) {
                return name;
            }
        }
    }

    private List<String> weekdays() {
        Set<DayOfWeek> days = new TreeSet<>();
        int count = 1 + random.nextInt(3);
        while (days.size() < count) {
            days.add(WEEKDAYS.get(random.nextInt(WEEKDAYS.size())));
        }
        return days.stream().map(DayOfWeek::name).toList();
    }

    /** Tutoring learns of the schools from need-mapping's events: a placement needs its school known there. */
    private void awaitTutoringKnows(List<JsonNode> hosts) throws IOException, InterruptedException {
        Set<String> wanted = new HashSet<>();
        hosts.forEach(school -> wanted.add(code(school)));
        tutoring.await("/api/needs/schools?region=" + region.code(), known -> {
            Set<String> codes = new HashSet<>();
            known.forEach(school -> codes.add(school.path("schoolCode").asString("")));
            return codes.containsAll(wanted);
        }, Duration.ofSeconds(90), "tutoring hearing of " + region.code() + "'s schools");
    }

    private static String postcode(JsonNode school) {
        return school.path("postcode").asString("");
    }

    private static String code(JsonNode school) {
        return school.get("vestigingscode").asString().toUpperCase(Locale.ROOT);
    }
}
