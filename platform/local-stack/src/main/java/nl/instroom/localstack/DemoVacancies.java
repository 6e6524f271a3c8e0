package nl.instroom.localstack;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import tools.jackson.databind.JsonNode;

/**
 * A region's vacancies coming and going over the past year, as its coordinator enters the schools' records: four
 * waves — a spreadsheet of vacancies that opened between eleven and six months ago imported, some of them filled and
 * some withdrawn at the days they were, a second spreadsheet of vacancies opened in the last five months, a third of
 * what is still open filled — each awaited until need-mapping has scored it, so every school touched has a need
 * history with ups and downs, and the vacancy history (per month opened, filled, withdrawn, open at the end, median
 * days to fill) a shape over the twelve months.
 *
 * <p>Every date goes through need-mapping's own API: the CSV's {@code openedOn} column and the fill's and withdrawal's
 * {@code filledOn} and {@code withdrawnOn}, within its rules (an opening at most 24 months back, nothing in the future,
 * no closing before the opening). The dates are days back from today (UTC, need-mapping's clock), drawn from the
 * fixed seed. The points of a school's need history are still need-mapping's own — dated when it scored them, on the
 * first start (the chart spaces them evenly); a vacancy opened months ago weighs by its age from the start.
 */
final class DemoVacancies {

    private static final String HEADER = "schoolCode,subject,fte,hoursPerWeek,startDate,urgency,openedOn\n";
    private static final List<String> FTES = List.of("0.4", "0.6", "0.8", "1.0");
    private static final List<String> URGENCIES = List.of("LOW", "NORMAL", "NORMAL", "HIGH", "HIGH", "CRITICAL");
    /**
     * Secondary subjects of the waves. Regio Zwolle's leave mathematics out: its end-to-end journeys open their own
     * mathematics vacancies at the demo HR school and expect matching to send a nearby maths tutor there.
     */
    private static final List<String> ZWOLLE_SUBJECTS = List.of("duits", "natuurkunde", "scheikunde", "engels",
            "nederlands", "frans", "informatica", "biologie");
    private static final List<String> FLEVOLAND_SUBJECTS = List.of("wiskunde", "natuurkunde", "engels", "nederlands",
            "scheikunde", "biologie", "duits");
    private static final List<String> PRIMARY_SUBJECTS = List.of("groepsleerkracht", "groepsleerkracht",
            "intern begeleider");

    private final DemoData.DemoRegion region;
    private final DemoHttp needMapping;
    private final Random random;
    /** need-mapping's today: its clock is UTC, so a day of a later zone's "today" could lie in its future. */
    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);

    DemoVacancies(DemoData.DemoRegion region, DemoHttp needMapping, long seed) {
        this.region = region;
        this.needMapping = needMapping;
        this.random = new Random(seed);
    }

    /** One vacancy row: where, what, and the day it opened. */
    private record Row(String school, String subject, String fte, String urgency, LocalDate openedOn) {

        String csv(LocalDate startDate) {
            int hours = Math.round(Float.parseFloat(fte) * 40);
            return school + "," + subject + "," + fte + "," + hours + "," + startDate + "," + urgency + ","
                    + openedOn + "\n";
        }
    }

    String seed() throws IOException, InterruptedException {
        List<JsonNode> schools = DemoData.schools(region);
        List<JsonNode> secondary = DemoData.secondarySchools(schools);
        List<JsonNode> primary = schools.stream()
                .filter(school -> "basisschool".equalsIgnoreCase(school.path("type").asString("")))
                .sorted(java.util.Comparator.comparingInt((JsonNode school) -> school.path("leerlingen").asInt(0))
                        .reversed()).toList();
        List<String> subjects = region.code().equals("AM36") ? ZWOLLE_SUBJECTS : FLEVOLAND_SUBJECTS;
        // The probe: the largest secondary school, which every wave changes, so its history shows each one.
        String probe = code(secondary.get(0));
        List<String> secondaryCodes = secondary.subList(1, 9).stream().map(DemoVacancies::code).toList();
        List<String> primaryCodes = primary.subList(3, 9).stream().map(DemoVacancies::code).toList();

        // Wave 1: the records of vacancies opened eleven to six months ago.
        List<Row> first = new ArrayList<>(List.of(new Row(probe, subjects.get(0), "0.6", "NORMAL", monthsBack(11)),
                new Row(probe, subjects.get(3), "0.8", "HIGH", monthsBack(9))));
        secondaryCodes.forEach(school -> {
            first.add(row(school, subjects, 11, 6));
            if (random.nextBoolean()) {
                first.add(row(school, subjects, 11, 6));
            }
        });
        primaryCodes.forEach(school -> first.add(row(school, PRIMARY_SUBJECTS, 11, 6)));
        List<String> firstIds = importWave(first, probe);
        Map<String, LocalDate> openedOn = new java.util.HashMap<>();
        for (int i = 0; i < first.size(); i++) {
            openedOn.put(firstIds.get(i), first.get(i).openedOn());
        }

        // Wave 2: the probe's first filled; of the others, some filled, a few withdrawn — on the days they were.
        int points = historyOf(probe);
        List<String> open = new ArrayList<>(firstIds);
        int filled = 0;
        int withdrawn = 0;
        fill(firstIds.get(0), closedAfter(openedOn.get(firstIds.get(0))));
        open.remove(firstIds.get(0));
        for (String id : firstIds.subList(2, firstIds.size())) {
            int fate = random.nextInt(10);
            if (fate < 4) {
                fill(id, closedAfter(openedOn.get(id)));
                open.remove(id);
                filled++;
            } else if (fate < 6) {
                needMapping.post("/api/vacancies/" + id + "/withdraw",
                        Map.of("reasonCode", random.nextBoolean() ? "BUDGET" : "INTERNAL_MOVE",
                                "withdrawnOn", closedAfter(openedOn.get(id)).toString()), 200);
                open.remove(id);
                withdrawn++;
            }
        }
        awaitScored(probe, points + 1);

        // Wave 3: vacancies opened in the last five months at the probe and half the schools.
        List<Row> third = new ArrayList<>(List.of(new Row(probe, subjects.get(5 % subjects.size()), "1.0",
                "CRITICAL", monthsBack(2))));
        for (int i = 0; i < secondaryCodes.size(); i += 2) {
            third.add(row(secondaryCodes.get(i), subjects, 5, 0));
        }
        for (int i = 1; i < primaryCodes.size(); i += 2) {
            third.add(row(primaryCodes.get(i), PRIMARY_SUBJECTS, 5, 0));
        }
        List<String> thirdIds = importWave(third, probe);
        for (int i = 0; i < third.size(); i++) {
            openedOn.put(thirdIds.get(i), third.get(i).openedOn());
        }
        open.addAll(thirdIds);

        // Wave 4: the probe's second first-wave vacancy filled, and a third of what is still open.
        points = historyOf(probe);
        fill(firstIds.get(1), closedAfter(openedOn.get(firstIds.get(1))));
        open.remove(firstIds.get(1));
        for (String id : List.copyOf(open)) {
            if (random.nextInt(3) == 0) {
                fill(id, closedAfter(openedOn.get(id)));
                open.remove(id);
                filled++;
            }
        }
        awaitScored(probe, points + 1);
        return region.coordinator() + " entered " + (firstIds.size() + thirdIds.size())
                + " vacancies of the past twelve months in two imports, " + (filled + 2) + " filled, " + withdrawn
                + " withdrawn, " + open.size() + " still open";
    }

    /** A day in the month {@code months} back (this month: up to today), drawn from the seed. */
    private LocalDate monthsBack(int months) {
        LocalDate first = today.minusMonths(months).withDayOfMonth(1);
        LocalDate last = months == 0 ? today : first.plusMonths(1).minusDays(1);
        return first.plusDays(random.nextInt((int) (last.toEpochDay() - first.toEpochDay()) + 1));
    }

    /** A day 2 to 120 days after the opening, never after today: when a vacancy was filled or withdrawn. */
    private LocalDate closedAfter(LocalDate opened) {
        LocalDate closed = opened.plusDays(2 + random.nextInt(119));
        return closed.isAfter(today) ? today : closed;
    }

    /** A vacancy at the school that opened between {@code fromMonthsBack} and {@code toMonthsBack} months ago. */
    private Row row(String school, List<String> subjects, int fromMonthsBack, int toMonthsBack) {
        return new Row(school, subjects.get(random.nextInt(subjects.size())), FTES.get(random.nextInt(FTES.size())),
                URGENCIES.get(random.nextInt(URGENCIES.size())),
                monthsBack(toMonthsBack + random.nextInt(fromMonthsBack - toMonthsBack + 1)));
    }

    /** Imports the rows as one CSV (one call, one bulk insert); returns the ids in row order. */
    private List<String> importWave(List<Row> rows, String probe) throws IOException, InterruptedException {
        int pointsBefore = historyOf(probe);
        StringBuilder csv = new StringBuilder(HEADER);
        LocalDate start = today.plusMonths(1 + random.nextInt(3)).withDayOfMonth(1);
        rows.forEach(row -> csv.append(row.csv(start)));
        JsonNode result = needMapping.postCsv("/api/vacancies/import", csv.toString());
        if (!result.get("rejected").isEmpty() || result.get("opened").size() != rows.size()) {
            throw new IllegalStateException("Demo vacancies of " + region.code() + " refused: " + result);
        }
        List<String> ids = new ArrayList<>();
        result.get("opened").forEach(id -> ids.add(id.asString()));
        awaitScored(probe, pointsBefore + 1);
        return ids;
    }

    private void fill(String id, LocalDate filledOn) throws IOException, InterruptedException {
        needMapping.post("/api/vacancies/" + id + "/fill", Map.of("filledOn", filledOn.toString()), 200);
    }

    /** Waits until the probe school's need history has at least this many points. */
    private void awaitScored(String probe, int points) throws IOException, InterruptedException {
        needMapping.await("/api/need/schools/" + probe + "/history?limit=1000", history -> history.size() >= points,
                Duration.ofSeconds(60), "need-mapping scoring " + probe + "'s vacancies");
    }

    private int historyOf(String school) throws IOException, InterruptedException {
        return needMapping.get("/api/need/schools/" + school + "/history?limit=1000").size();
    }

    private static String code(JsonNode school) {
        return school.get("vestigingscode").asString().toUpperCase(Locale.ROOT);
    }
}
