package nl.instroom.tutoring.matching.application;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import nl.instroom.chassis.audit.AuditTrail;
import nl.instroom.chassis.refusal.NotPossibleNow;
import nl.instroom.chassis.security.CurrentUser;
import nl.instroom.chassis.web.NotFoundException;
import nl.instroom.tutoring.matching.domain.Assignment;
import nl.instroom.tutoring.matching.domain.AssignmentSolver;
import nl.instroom.tutoring.matching.domain.MatchingInputs;
import nl.instroom.tutoring.matching.domain.MatchingProblem;
import nl.instroom.tutoring.matching.domain.MatchingRun;
import nl.instroom.tutoring.matching.domain.MatchingRuns;
import nl.instroom.tutoring.matching.domain.MatchingWeights;
import nl.instroom.tutoring.matching.domain.Pair;
import nl.instroom.tutoring.matching.domain.Proposal;
import nl.instroom.tutoring.matching.domain.SchoolDemand;
import nl.instroom.tutoring.matching.domain.TutorSupply;
import nl.instroom.tutoring.needs.domain.SchoolNeedView;
import nl.instroom.tutoring.needs.domain.SchoolNeedViews;
import nl.instroom.tutoring.placement.application.PlacementService;
import nl.instroom.tutoring.placement.domain.Placement;
import nl.instroom.tutoring.placement.domain.Placements;
import nl.instroom.tutoring.tutor.domain.PostcodeAreas;
import nl.instroom.tutoring.tutor.domain.Tutor;
import nl.instroom.tutoring.tutor.domain.Tutors;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * A coordinator's matching: reads the region from tutoring's own store and projection (never from need-mapping at
 * request time), solves exactly, keeps the run with its inputs' versions, and on acceptance proposes placements.
 */
@Service
@EnableConfigurationProperties(MatchingProperties.class)
public class MatchingService {

    public record Question(String region, String subject, String level, Set<Pair> pinned, Set<Pair> excluded) {
    }

    private final Tutors tutors;
    private final Placements placements;
    private final SchoolNeedViews schools;
    private final PostcodeAreas postcodes;
    private final AssignmentSolver solver;
    private final MatchingRuns runs;
    private final PlacementService placementService;
    private final MatchingProperties properties;
    private final AuditTrail audit;
    private final Clock clock;
    private final Timer solveTimer;

    MatchingService(Tutors tutors, Placements placements, SchoolNeedViews schools, PostcodeAreas postcodes,
            AssignmentSolver solver, MatchingRuns runs, PlacementService placementService,
            MatchingProperties properties, AuditTrail audit, Clock clock, MeterRegistry meters) {
        this.tutors = tutors;
        this.placements = placements;
        this.schools = schools;
        this.postcodes = postcodes;
        this.solver = solver;
        this.runs = runs;
        this.placementService = placementService;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
        this.solveTimer = Timer.builder("instroom.matching.solve").description("Time to solve one matching run")
                .register(meters);
    }

    public MatchingRun solve(Question question, CurrentUser user) {
        user.requireChangeInRegion(question.region());
        String subject = question.subject() == null ? null : question.subject().trim().toLowerCase(Locale.ROOT);
        MatchingProblem problem = problemIn(question.region(), properties.weights(), subject, question.level(),
                question.pinned(), question.excluded());
        long started = System.nanoTime();
        Assignment assignment = Assignment.score(problem, solver.solve(problem));
        long nanos = System.nanoTime() - started;
        solveTimer.record(nanos, TimeUnit.NANOSECONDS);
        MatchingRun run = MatchingRun.solved(UUID.randomUUID().toString(), question.region(), problem, assignment,
                TimeUnit.NANOSECONDS.toMillis(nanos), user.subject(), clock.instant());
        runs.save(run);
        audit.record("SOLVED_MATCHING", run.id());
        return run;
    }

    public MatchingRun get(String id, CurrentUser user) {
        return runs.find(id).filter(run -> user.coversRegion(run.region()))
                .orElseThrow(() -> new NotFoundException("Matching run", id));
    }

    public List<MatchingRun> latest(String region, CurrentUser user) {
        return runs.latestIn(user.regionAsked(region), 20);
    }

    /** Accepts a run: each proposal becomes a proposed placement (and its event), once. */
    public List<Placement> accept(String id, CurrentUser user) {
        MatchingRun run = runs.find(id).filter(found -> user.mayChangeRegion(found.region()))
                .orElseThrow(() -> new NotFoundException("Matching run", id));
        MatchingProblem now = problemIn(run.region(), run.weights(), run.subject(), run.level(), Set.of(), Set.of());
        List<Proposal> accepted = run.accept(MatchingInputs.of(now), clock.instant());
        stillHostable(accepted, now);
        if (!runs.markAccepted(run)) {
            throw new NotPossibleNow("This matching run was accepted already");
        }
        int hours = run.weights().hoursPerPlacement();
        return accepted.stream().map(p -> placementService.proposeMatched(p.pair().tutorId(), p.pair().schoolCode(),
                p.pair().subject(), hours, run.region(), run.id())).toList();
    }

    /**
     * A school may have changed its tutoring days or capacity since the run (a school event, not a need change, so
     * the run's input versions do not show it): each proposal must still be allowed, and no school get more tutors
     * than it now hosts.
     */
    private static void stillHostable(List<Proposal> accepted, MatchingProblem now) {
        Map<String, Integer> perSchool = new HashMap<>();
        for (Proposal proposal : accepted) {
            String school = proposal.pair().schoolCode();
            boolean allowed = now.whyNotAllowed(proposal.pair()).isEmpty();
            if (!allowed || perSchool.merge(school, 1, Integer::sum) > now.school(school).freeCapacity(now.weights())) {
                throw new NotPossibleNow("School " + school + " changed the days or the number of tutors it hosts"
                        + " since this run: solve again");
            }
        }
    }

    /** The region's tutors and schools as they are now; open placements are read once for both. */
    private MatchingProblem problemIn(String region, MatchingWeights weights, String subject, String level,
            Set<Pair> pinned, Set<Pair> excluded) {
        List<Placement> open = placements.openInRegion(region);
        return MatchingProblem.of(tutorsOf(region, open), schoolsOf(region, open), weights, subject, level, pinned,
                excluded);
    }

    private List<TutorSupply> tutorsOf(String region, List<Placement> openPlacements) {
        Map<String, Integer> open = new HashMap<>();
        openPlacements.forEach(p -> open.merge(p.tutorId(), 1, Integer::sum));
        LocalDate today = LocalDate.now(clock);
        // A pupil under 16 without a parent's consent is not even an input: a run keeps its inputs, and nothing
        // about the pupil may be processed before consent (docs/matching.md, "Consent").
        return tutors.inRegion(region).stream().filter(t -> t.mayBePlaced(today))
                .flatMap(t -> postcodes.centroid(t.pc4()).stream()
                .map(at -> supplyOf(t, at, open.getOrDefault(t.id(), 0), today))).toList();
    }

    private static TutorSupply supplyOf(Tutor tutor, double[] at, int openPlacements, LocalDate today) {
        Map<String, String> subjects = new LinkedHashMap<>();
        tutor.subjects().forEach(s -> subjects.merge(s.subject().toLowerCase(Locale.ROOT),
                s.level() == null ? "" : s.level().toLowerCase(Locale.ROOT), (a, b) -> a));
        return new TutorSupply(tutor.id(), subjects, at[0], at[1], tutor.maxTravelKm(),
                tutor.availability().hoursPerWeek(), openPlacements, tutor.mayBePlaced(today), tutor.revision(),
                tutor.availability().weekdays());
    }

    private List<SchoolDemand> schoolsOf(String region, List<Placement> openPlacements) {
        Map<String, Integer> open = new HashMap<>();
        openPlacements.forEach(p -> open.merge(p.schoolCode(), 1, Integer::sum));
        return schools.inRegion(region).stream().map(s -> demandOf(s, open.getOrDefault(s.schoolCode(), 0)))
                .toList();
    }

    private static SchoolDemand demandOf(SchoolNeedView view, int openPlacements) {
        Map<String, Double> need = new HashMap<>();
        view.subjectIndex().forEach((subject, index) -> need.put(subject.toLowerCase(Locale.ROOT), index));
        return new SchoolDemand(view.schoolCode(), view.latitude(), view.longitude(), need, openPlacements,
                view.needRevision(), view.tutoringDays(), view.tutorCapacity());
    }
}
