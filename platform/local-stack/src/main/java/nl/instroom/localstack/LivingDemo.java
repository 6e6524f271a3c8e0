package nl.instroom.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import tools.jackson.databind.JsonNode;

/**
 * The living demo, once, after the schools are in ({@link DemoData}): both demo regions filled through the services'
 * own APIs, by the demo people whose work it is — never by writing into a store — so that every role's pages show what
 * the system is for. Per region, its coordinator opens and fills vacancies in waves ({@link DemoVacancies}) and
 * registers about thirty pupils as tutors with placements in every state ({@link DemoTutoring}); its talent scout
 * follows up talents in every stage and ambassadors ({@link DemoScouting}); and HR of four schools register staff and
 * hold stay-gesprekken over the past months, two schools' risk rising and two falling ({@link DemoStay}). The demo
 * school leaders of cross-mentoring who linked their staff reference ({@link DemoMentoring#LINKED}, seeded before this)
 * are registered at their school, one leaves and one becomes an ambassador.
 *
 * <p>Deterministic: every choice comes from a {@link java.util.Random} with a fixed seed per part, so two fresh
 * starts make the same demo (but for the ids the services give and the dates, which count from today). Quick: the
 * parts run side by side, each service's calls one after another. A marker file ({@value #MARKER}) remembers it; to
 * seed again, start afresh (delete {@code data/}).
 */
final class LivingDemo {

    static final String MARKER = "demo-living-seeded";
    /** The seed of every part's random choices (the issue that asked for the living demo). */
    static final long SEED = 22;

    private LivingDemo() {
    }

    /**
     * Schools whose HR the demo has besides {@link DemoData#schoolForDemoHr()}: Regio Zwolle's second and third
     * largest secondary schools and Flevoland's largest.
     */
    static List<String> moreHrSchools() {
        try {
            List<String> more = new ArrayList<>();
            List<JsonNode> zwolle = DemoData.secondarySchools(DemoData.schools(DemoData.REGIONS.get(0)));
            more.add(zwolle.get(1).get("vestigingscode").asString());
            more.add(zwolle.get(2).get("vestigingscode").asString());
            more.add(DemoData.secondarySchools(DemoData.schools(DemoData.REGIONS.get(1))).get(0)
                    .get("vestigingscode").asString());
            return more;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every demo HR school: the first demo HR's, then {@link #moreHrSchools()}. */
    static List<String> hrSchools() throws IOException {
        List<String> all = new ArrayList<>(List.of(DemoData.schoolForDemoHr()));
        all.addAll(moreHrSchools());
        return all;
    }

    static void seedOnce(Path data, String issuer, DemoIdentities identities, String portalRedirectUri)
            throws Exception {
        Path marker = data.resolve(MARKER);
        if (Files.exists(marker)) {
            return;
        }
        Instant begin = Instant.now();
        // Everyone signs in first, one after the other: the identity server keeps authorizations in memory in a map
        // that two token requests at once can break (a 500 seen here), and each sign-in is quick.
        List<String> people = new ArrayList<>();
        DemoData.REGIONS.forEach(region -> people.addAll(List.of(region.coordinator(), "scout." + region.name())));
        hrSchools().forEach(school -> people.add(DemoIdentities.hrUser(school)));
        for (String person : people) {
            DemoSignIn.tokenOf(issuer, portalRedirectUri, identities, person);
        }
        long signIns = Duration.between(begin, Instant.now()).toMillis();
        List<Callable<String>> parts = new ArrayList<>();
        List<String> schools = hrSchools();
        for (int r = 0; r < DemoData.REGIONS.size(); r++) {
            DemoData.DemoRegion region = DemoData.REGIONS.get(r);
            long seed = SEED * 100 + r;
            String coordinator = DemoSignIn.tokenOf(issuer, portalRedirectUri, identities, region.coordinator());
            parts.add(() -> new DemoVacancies(region, new DemoHttp(url("need-mapping"), coordinator), seed).seed());
            parts.add(() -> new DemoTutoring(region, new DemoHttp(url("tutoring"), coordinator), hrSchools(), seed)
                    .seed());
            List<String> leaderAmbassadors = leaderAmbassadorsIn(region, schools);
            parts.add(() -> {
                String scout = "scout." + region.name();
                String token = DemoSignIn.tokenOf(issuer, portalRedirectUri, identities, scout);
                return new DemoScouting(region, new DemoHttp(url("scouting"), token), seed, leaderAmbassadors)
                        .seed();
            });
        }
        for (int s = 0; s < schools.size(); s++) {
            String school = schools.get(s);
            List<DemoMentoring.LinkedLeader> leaders = DemoMentoring.linkedAt(s);
            // Two schools' risk rises, two schools' falls: Regio Zwolle's first demo HR school rises.
            DemoStay.Trend trend = s % 2 == 0 ? DemoStay.Trend.RISING : DemoStay.Trend.FALLING;
            long seed = SEED * 1000 + s;
            parts.add(() -> {
                String token = DemoSignIn.tokenOf(issuer, portalRedirectUri, identities, DemoIdentities.hrUser(school));
                return new DemoStay(school, new DemoHttp(url("stay-interviews"), token), trend, seed, leaders)
                        .seed();
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(parts.size());
        List<String> done = new ArrayList<>();
        try {
            List<Future<String>> running = new ArrayList<>();
            // each part says how long it took, so the slowest is known
            parts.forEach(part -> running.add(pool.submit(() -> {
                Instant start = Instant.now();
                String line = part.call();
                return line + " (" + Duration.between(start, Instant.now()).toMillis() + " ms)";
            })));
            for (Future<String> part : running) {
                done.add(part.get());
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } finally {
            pool.shutdownNow();
        }
        Files.write(marker, done);
        done.forEach(line -> System.out.println("  demo data: " + line));
        System.out.println("  demo data: the living demo took " + Duration.between(begin, Instant.now()).toMillis()
                + " ms, of which " + signIns + " ms its people's sign-ins");
    }

    /** The staff links of the demo school leaders who become ambassadors, at a school of this region. */
    private static List<String> leaderAmbassadorsIn(DemoData.DemoRegion region, List<String> hrSchools)
            throws IOException {
        List<String> codes = DemoData.schools(region).stream().map(school -> school.path("vestigingscode").asString(""))
                .toList();
        return DemoMentoring.LINKED.stream().filter(DemoMentoring.LinkedLeader::ambassador)
                .map(leader -> leader.link(hrSchools))
                .filter(link -> codes.contains(link.substring(0, link.indexOf(':')))).toList();
    }

    private static String url(String service) {
        return StackPorts.service(service).url();
    }
}
