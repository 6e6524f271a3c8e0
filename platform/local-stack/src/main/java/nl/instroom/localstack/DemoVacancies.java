package nl.instroom.localstack;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import tools.jackson.databind.JsonNode;

/**
 * A region's vacancies coming and going, as its coordinator enters them: four waves — a spreadsheet of vacancies
 * imported, some of them filled and some withdrawn, a second spreadsheet, more filled — each awaited until
 * need-mapping has scored it, so every school touched has a need history with ups and downs.
 *
 * <p>Why not months of history: need-mapping dates a vacancy's opening and closing, and every point of a school's
 * need history, by its own clock — {@code POST /api/vacancies}, the CSV import ({@code startDate} is when the post
 * starts, not when it opened), fill and withdraw take no date of the past, on purpose: the age of a vacancy raises
 * the school's need, and a date a caller could set would let anyone inflate it. Writing backdated points into its
 * store is what the demo must not do. So the history is honest: the points of the first start, in the order they
 * happened (the chart spaces them evenly). The parts whose APIs take a date of the past — stay-gesprekken, talents'
 * steps, a placement's start — spread over the past months instead ({@link DemoStay}, {@link DemoScouting},
 * {@link DemoTutoring}).
 */
final class DemoVacancies {

    private static final String HEADER = "schoolCode,subject,fte,hoursPerWeek,startDate,urgency\n";
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

    DemoVacancies(DemoData.DemoRegion region, DemoHttp needMapping, long seed) {
        this.region = region;
        this.needMapping = needMapping;
        this.random = new Random(seed);
    }

    /** One vacancy row and, once opened, its id. */
    private record Row(String school, String subject, String fte, String urgency) {

        String csv(LocalDate startDate) {
            int hours = Math.round(Float.parseFloat(fte) * 40);
            return school + "," + subject + "," + fte + "," + hours + "," + startDate + "," + urgency + "\n";
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

        List<Row> first = new ArrayList<>(List.of(new Row(probe, subjects.get(0), "0.6", "NORMAL"),
                new Row(probe, subjects.get(3), "0.8", "HIGH")));
        secondaryCodes.forEach(school -> {
            first.add(row(school, subjects));
            if (random.nextBoolean()) {
                first.add(row(school, subjects));
            }
        });
        primaryCodes.forEach(school -> first.add(row(school, PRIMARY_SUBJECTS)));
        List<String> firstIds = importWave(first, probe);

        // Wave 2: the probe's first filled; of the others, some filled, a few withdrawn.
        int points = historyOf(probe);
        List<String> open = new ArrayList<>(firstIds);
        int filled = 0;
        int withdrawn = 0;
        fill(firstIds.get(0));
        open.remove(firstIds.get(0));
        for (String id : firstIds.subList(2, firstIds.size())) {
            int fate = random.nextInt(10);
            if (fate < 4) {
                fill(id);
                open.remove(id);
                filled++;
            } else if (fate < 6) {
                needMapping.post("/api/vacancies/" + id + "/withdraw",
                        Map.of("reasonCode", random.nextBoolean() ? "BUDGET" : "INTERNAL_MOVE"), 200);
                open.remove(id);
                withdrawn++;
            }
        }
        awaitScored(probe, points + 1);

        // Wave 3: new vacancies at the probe and half the schools.
        List<Row> third = new ArrayList<>(List.of(new Row(probe, subjects.get(5 % subjects.size()), "1.0",
                "CRITICAL")));
        for (int i = 0; i < secondaryCodes.size(); i += 2) {
            third.add(row(secondaryCodes.get(i), subjects));
        }
        for (int i = 1; i < primaryCodes.size(); i += 2) {
            third.add(row(primaryCodes.get(i), PRIMARY_SUBJECTS));
        }
        List<String> thirdIds = importWave(third, probe);
        open.addAll(thirdIds);

        // Wave 4: the probe's second first-wave vacancy filled, and a third of what is still open.
        points = historyOf(probe);
        fill(firstIds.get(1));
        open.remove(firstIds.get(1));
        for (String id : List.copyOf(open)) {
            if (random.nextInt(3) == 0) {
                fill(id);
                open.remove(id);
                filled++;
            }
        }
        awaitScored(probe, points + 1);
        return region.coordinator() + " opened " + (firstIds.size() + thirdIds.size()) + " vacancies in two imports, "
                + (filled + 2) + " filled, " + withdrawn + " withdrawn, " + open.size() + " still open";
    }

    private Row row(String school, List<String> subjects) {
        return new Row(school, subjects.get(random.nextInt(subjects.size())), FTES.get(random.nextInt(FTES.size())),
                URGENCIES.get(random.nextInt(URGENCIES.size())));
    }

    /** Imports the rows as one CSV (one call, one bulk insert); returns the ids in row order. */
    private List<String> importWave(List<Row> rows, String probe) throws IOException, InterruptedException {
        int pointsBefore = historyOf(probe);
        StringBuilder csv = new StringBuilder(HEADER);
        LocalDate start = LocalDate.now().plusMonths(1 + random.nextInt(3)).withDayOfMonth(1);
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

    private void fill(String id) throws IOException, InterruptedException {
        needMapping.post("/api/vacancies/" + id + "/fill", null, 200);
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
