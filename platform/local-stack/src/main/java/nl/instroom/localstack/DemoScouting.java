package nl.instroom.localstack;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import tools.jackson.databind.JsonNode;

/**
 * A region's talent pipeline, as its talent scout keeps it: fourteen people (outside the schools, and school staff,
 * under pseudonymous references such as {@code ext-zwolle-03}, never a name) flagged over the past ten months and
 * followed up — some still flagged, approached or interested, some enrolled in a teacher training, one declined and
 * one withdrawn — and three of them ambassadors for teaching at schools with need, with guest lessons and open days.
 * Each step is dated when it happened, so the funnel over past months has a shape. The suggestions (from completed
 * placements and shared ambitions) are left in the scout's inbox: deciding on them is the scout's work.
 *
 * <p>Besides, a demo school leader of cross-mentoring who linked their staff reference ({@link DemoMentoring#LINKED})
 * is flagged as a talent of kind STAFF under that same reference ({@code <schoolCode>:<staffRef>}), followed up and
 * nominated ambassador at their own school today, during their cohort: mentoring counts them as an ambassador.
 */
final class DemoScouting {

    /** Where each talent ends, in flagging order. */
    private static final List<String> ENDS = List.of("FLAGGED", "APPROACHED", "INTERESTED", "ENROLLED", "AMBASSADOR",
            "DECLINED", "FLAGGED", "APPROACHED", "INTERESTED", "AMBASSADOR", "ENROLLED", "WITHDRAWN", "AMBASSADOR",
            "APPROACHED");
    private static final List<String> PATH = List.of("FLAGGED", "APPROACHED", "INTERESTED", "ENROLLED");
    private static final List<String> KINDS = List.of("POTENTIAL_TEACHER", "ROLE_MODEL", "AMBASSADOR",
            "HIGH_POTENTIAL");
    private static final List<String> RATIONALES = List.of(
            "Zij-instromer uit de techniek, wil natuurkunde geven",
            "Onderwijsassistent met de ambitie om leraar te worden",
            "Gaf een sterke gastles op de open dag",
            "Oud-tutor, studeert nu wiskunde",
            "Ouder met een achtergrond in de zorg, denkt aan de pabo",
            "Zet zich in voor de leerlingenraad en legt goed uit");

    private final DemoData.DemoRegion region;
    private final DemoHttp scouting;
    private final Random random;
    private final List<String> leaderLinks;

    /**
     * @param leaderLinks the staff links of the demo school leaders in this region who become ambassadors
     */
    DemoScouting(DemoData.DemoRegion region, DemoHttp scouting, long seed, List<String> leaderLinks) {
        this.region = region;
        this.scouting = scouting;
        this.random = new Random(seed);
        this.leaderLinks = leaderLinks;
    }

    String seed() throws IOException, InterruptedException {
        List<JsonNode> secondary = DemoData.secondarySchools(DemoData.schools(region));
        LocalDate today = LocalDate.now();
        int ambassadors = 0;
        for (int i = 0; i < ENDS.size(); i++) {
            String end = ENDS.get(i);
            boolean staff = i % 3 == 2;
            LocalDate day = today.minusDays(60 + random.nextInt(240));
            Map<String, Object> flag = new LinkedHashMap<>();
            flag.put("personKind", staff ? "STAFF" : "EXTERNAL");
            flag.put("personRef", (staff ? "staff-" : "ext-") + region.name() + "-" + String.format(Locale.ROOT,
                    "%02d", i + 1));
            flag.put("kind", end.equals("AMBASSADOR") ? "AMBASSADOR" : KINDS.get(random.nextInt(KINDS.size())));
            flag.put("rationale", RATIONALES.get(random.nextInt(RATIONALES.size())));
            flag.put("flaggedOn", day.toString());
            flag.put("nextStepOn", end.equals("FLAGGED") ? nextStep(day, today).toString() : null);
            String talent = scouting.post("/api/talents", flag, 201).get("id").asString();
            String stageEnd = end.equals("AMBASSADOR") ? "INTERESTED" : end;
            if (end.equals("DECLINED") || end.equals("WITHDRAWN")) {
                stageEnd = end.equals("DECLINED") ? "INTERESTED" : "APPROACHED";
            }
            for (int step = 1; step <= PATH.indexOf(stageEnd); step++) {
                day = later(day, today);
                boolean last = step == PATH.indexOf(stageEnd) && !PATH.get(step).equals("ENROLLED")
                        && end.equals(stageEnd);
                move(talent, PATH.get(step), day, last ? nextStep(day, today) : null);
            }
            if (end.equals("DECLINED") || end.equals("WITHDRAWN")) {
                move(talent, end, later(day, today), null);
            }
            if (end.equals("AMBASSADOR")) {
                // at one of the region's larger secondary schools, which all have vacancies
                String school = secondary.get(1 + ambassadors * 2).get("vestigingscode").asString();
                LocalDate since = later(day, today);
                nominate(talent, school, since);
                scouting.post("/api/talents/" + talent + "/activities", Map.of("type", "GUEST_LESSON", "on",
                        later(since, today).toString(), "schoolCode", school), 200);
                scouting.post("/api/talents/" + talent + "/activities", Map.of("type", "OPEN_DAY", "on",
                        later(since, today).toString(), "schoolCode", school), 200);
                ambassadors++;
            }
        }
        for (String link : leaderLinks) {
            leaderAmbassador(link, today);
        }
        return "scout." + region.name() + " follows up " + (ENDS.size() + leaderLinks.size())
                + " talents in every stage, " + (ambassadors + leaderLinks.size()) + " of them ambassadors";
    }

    /**
     * A school leader in cross-mentoring, flagged under the staff reference they linked there; after this class's
     * random choices, so the other talents stay as they were.
     */
    private void leaderAmbassador(String link, LocalDate today) throws IOException, InterruptedException {
        Map<String, Object> flag = new LinkedHashMap<>();
        flag.put("personKind", "STAFF");
        flag.put("personRef", link);
        flag.put("kind", "AMBASSADOR");
        flag.put("rationale", "Schoolleider in de cross-mentoring, vertelt graag over het vak");
        flag.put("flaggedOn", today.minusDays(21).toString());
        flag.put("nextStepOn", null);
        String talent = scouting.post("/api/talents", flag, 201).get("id").asString();
        move(talent, "APPROACHED", today.minusDays(14), null);
        move(talent, "INTERESTED", today.minusDays(7), null);
        nominate(talent, link.substring(0, link.indexOf(':')), today);
    }

    private void move(String talent, String stage, LocalDate on, LocalDate nextStep) throws IOException,
            InterruptedException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("stage", stage);
        body.put("on", on.toString());
        body.put("nextStepOn", nextStep == null ? null : nextStep.toString());
        scouting.post("/api/talents/" + talent + "/stage", body, 200);
    }

    /**
     * Scouting learns of the schools from need-mapping's events; until it has heard of this one it refuses the
     * nomination (400, "not a known school"), so that is asked again for a while.
     */
    private void nominate(String talent, String school, LocalDate since) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (true) {
            try {
                scouting.post("/api/talents/" + talent + "/ambassadorship", Map.of("schoolCode", school, "since",
                        since.toString()), 200);
                return;
            } catch (IllegalStateException refused) {
                if (!refused.getMessage().contains("not a known school") || Instant.now().isAfter(deadline)) {
                    throw refused;
                }
                Thread.sleep(250);
            }
        }
    }

    /** A later day than this, within a few weeks, but never after today. */
    private LocalDate later(LocalDate day, LocalDate today) {
        LocalDate next = day.plusDays(7 + random.nextInt(35));
        return next.isAfter(today) ? today : next;
    }

    /** The next follow-up: some weeks after the step, some of them past already (due). */
    private LocalDate nextStep(LocalDate day, LocalDate today) {
        return day.plusDays(14 + random.nextInt(60));
    }
}
