package nl.instroom.localstack;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A school's staff and their stay-gesprekken over the past ten months, as its HR records them: nine colleagues under
 * pseudonymous references (never a name), two never interviewed (so they are due), one with a known leaving date,
 * interviews from about ten months ago to recent weeks, with follow-up actions (some overdue, one done) and growth
 * ambitions (one the colleague agreed a talent scout may know, which becomes the scout's suggestion by event).
 *
 * <p>Each interview reassesses the school, so the order of the interviews makes its trend: at a school whose risk
 * {@link Trend#RISING rises} the older interviews are content and the latest ones are not; at one whose risk
 * {@link Trend#FALLING falls} the older ones are worried and the latest, second interviews are better. The answers
 * are short and made up, and hold nothing about anyone's health.
 *
 * <p>A school where a demo school leader of cross-mentoring works ({@link DemoMentoring#LINKED}) registers them too,
 * under the reference they linked, and enters a leaving date for the one who leaves: stay-interviews publishes it
 * as {@code StaffMemberLeft}, which mentoring counts for that leader. It is entered before the falling schools'
 * second interviews, so their latest assessments still fall.
 */
final class DemoStay {

    enum Trend { RISING, FALLING }

    /** A colleague: reference suffix, role, subject, FTE, years in service. */
    private record Colleague(String ref, String role, String subject, String fte, int years) {
    }

    private static final List<Colleague> STAFF = List.of(
            new Colleague("docent-wi-101", "docent", "wiskunde", "1.0", 12),
            new Colleague("docent-du-102", "docent", "duits", "0.8", 3),
            new Colleague("docent-na-103", "docent", "natuurkunde", "1.0", 7),
            new Colleague("docent-en-104", "docent", "engels", "0.6", 1),
            new Colleague("docent-ne-105", "docent", "nederlands", "0.8", 21),
            new Colleague("mentor-bi-106", "mentor", "biologie", "0.8", 5),
            new Colleague("teamleider-107", "teamleider", null, "1.0", 15),
            new Colleague("docent-gs-108", "docent", "geschiedenis", "0.6", 2),
            new Colleague("docent-sk-109", "docent", "scheikunde", "1.0", 9));

    /** Answers and scales of a content colleague, and of one thinking of leaving. */
    private static final Map<String, String> CONTENT = Map.of("lookingForwardTo", "De nieuwe brugklas",
            "whyStay", "De sectie en de leerlingen", "whatWouldMakeTheJobBetter", "Minder vergaderingen");
    private static final Map<String, String> WORRIED = Map.of("lookingForwardTo", "De vakantie",
            "lastThoughtOfLeaving", "Vorige maand, bij de roosterwijziging",
            "whatWouldMakeTheJobBetter", "Een kleinere lesopdracht en een vaste lesplek");

    private final String school;
    private final DemoHttp stay;
    private final Trend trend;
    private final Random random;
    private final List<DemoMentoring.LinkedLeader> leaders;

    DemoStay(String school, DemoHttp stay, Trend trend, long seed, List<DemoMentoring.LinkedLeader> leaders) {
        this.school = school;
        this.stay = stay;
        this.trend = trend;
        this.random = new Random(seed);
        this.leaders = leaders;
    }

    String seed() throws IOException, InterruptedException {
        String staffPath = "/api/schools/" + school + "/staff";
        for (int i = 0; i < STAFF.size(); i++) {
            Colleague colleague = STAFF.get(i);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("staffRef", colleague.ref());
            body.put("role", colleague.role());
            body.put("subject", colleague.subject());
            body.put("fte", new BigDecimal(colleague.fte()));
            body.put("yearsInService", colleague.years());
            if (i == 8) {
                // interviewed before this tool, more than a year ago: due again
                body.put("lastStayInterviewOn", LocalDate.now().minusMonths(14).toString());
            }
            stay.post(staffPath, body, 201);
        }
        for (DemoMentoring.LinkedLeader leader : leaders) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("staffRef", leader.staffRef());
            body.put("role", "schoolleider");
            body.put("subject", null);
            body.put("fte", BigDecimal.ONE);
            body.put("yearsInService", 6);
            stay.post(staffPath, body, 201);
        }
        // The first six are interviewed (7 and 8 never, 9 long ago), oldest first, ten months ago to last week.
        boolean rising = trend == Trend.RISING;
        int interviews = 0;
        LocalDate day = LocalDate.now().minusMonths(10);
        for (int i = 0; i < 6; i++) {
            // rising: content early on, the last two worried; falling: the first three worried
            boolean worried = rising ? i >= 4 : i < 3;
            day = day.plusDays(20 + random.nextInt(15));
            interview(STAFF.get(i), day, worried, i == 1, i == 2 || i == 4);
            interviews++;
        }
        stay.put(staffPath + "/" + STAFF.get(6).ref() + "/leaving-date",
                Map.of("leavesOn", LocalDate.now().plusMonths(4).withDayOfMonth(1).toString()), 200);
        for (DemoMentoring.LinkedLeader leader : leaders) {
            if (leader.leaves()) {
                // entered ahead, as HR does: the school leader leaves in six months
                stay.put(staffPath + "/" + leader.staffRef() + "/leaving-date",
                        Map.of("leavesOn", LocalDate.now().plusMonths(6).withDayOfMonth(1).toString()), 200);
            }
        }
        if (!rising) {
            // second interviews of the worried three, better now: the risk falls with each
            for (int i = 0; i < 3; i++) {
                day = day.plusDays(7 + random.nextInt(7));
                interview(STAFF.get(i), min(day, LocalDate.now().minusDays(3 - i)), false, false, false);
                interviews++;
            }
        }
        return "HR of " + school + " registered " + (STAFF.size() + leaders.size()) + " colleagues and held "
                + interviews
                + " stay-gesprekken over ten months (risk " + trend.name().toLowerCase(java.util.Locale.ROOT) + ")";
    }

    private void interview(Colleague colleague, LocalDate heldOn, boolean worried, boolean sharedAmbition,
            boolean doneAction) throws IOException, InterruptedException {
        String path = "/api/schools/" + school + "/staff/" + colleague.ref() + "/interviews";
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("heldOn", heldOn.toString());
        body.put("interviewer", random.nextBoolean() ? "Teamleider onderbouw" : "Teamleider bovenbouw");
        body.put("answers", worried ? WORRIED : CONTENT);
        body.put("workload", worried ? 4 + random.nextInt(2) : 2 + random.nextInt(2));
        body.put("satisfaction", worried ? 1 + random.nextInt(2) : 4 + random.nextInt(2));
        body.put("intentToStay", worried ? (random.nextBoolean() ? "NO" : "UNSURE") : "YES");
        List<Map<String, Object>> ambitions = new ArrayList<>();
        if (sharedAmbition) {
            ambitions.add(Map.of("ambition", "AMBASSADOR", "scoutMayKnow", true));
        } else if (!worried && random.nextBoolean()) {
            ambitions.add(Map.of("ambition", random.nextBoolean() ? "MENTOR" : "SCHOOL_LEADER",
                    "scoutMayKnow", false));
        }
        body.put("ambitions", ambitions);
        // one action due a month after the interview: for the older interviews, that is past (overdue)
        body.put("actions", List.of(Map.of("description", worried ? "Lesrooster samen herzien" : "Scholing plannen",
                "owner", "teamleider", "dueOn", heldOn.plusMonths(1).toString())));
        String interviewId = stay.post(path, body, 201).get("id").asString();
        if (doneAction) {
            stay.post(path + "/" + interviewId + "/actions/0/done", null, 200);
        }
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
