package nl.instroom.mentoring.pair.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import nl.instroom.chassis.audit.RecordedAuditTrail;
import nl.instroom.chassis.refusal.NotPossibleNow;
import nl.instroom.events.mentoring.PairEnded;
import nl.instroom.mentoring.pair.domain.EndReason;
import nl.instroom.mentoring.pair.domain.Pair;
import nl.instroom.mentoring.pair.domain.PairStatus;
import nl.instroom.mentoring.programme.application.ProgrammeService;
import nl.instroom.mentoring.programme.application.ProgrammeUseCases;
import nl.instroom.mentoring.programme.domain.Cohort;
import nl.instroom.mentoring.signup.application.InMemorySignUps;
import nl.instroom.mentoring.signup.application.SignUpService;
import nl.instroom.mentoring.signup.application.SignUpUseCases;
import nl.instroom.mentoring.signup.domain.DayPart;
import nl.instroom.mentoring.signup.domain.Side;
import nl.instroom.mentoring.signup.domain.SignUp;
import nl.instroom.mentoring.signup.domain.Theme;
import org.junit.jupiter.api.Test;

/**
 * What happens to pairs and sign-ups, against in-memory programmes, sign-ups, pairs and seats: no Spring, no store,
 * no broker. Pairs are proposed here as a confirmed matching run proposes them; the run and the solver are tested in
 * the matching tests, and the text vault (goals, feedback) against its store, so this test gives the service none.
 */
class PairServiceTest {

    private static final LocalDate TODAY = LocalDate.of(2027, 3, 10);

    private final Clock clock = Clock.fixed(Instant.parse("2027-03-10T09:00:00Z"), ZoneOffset.UTC);
    private final RecordedAuditTrail audit = new RecordedAuditTrail(clock);
    private final ProgrammeService programmes = ProgrammeUseCases.programmeService(clock);
    private final InMemorySignUps signUps = new InMemorySignUps();
    private final SignUpService signUpService = SignUpUseCases.signUpService(signUps, programmes, audit, clock);
    private final InMemoryPairs pairs = new InMemoryPairs();
    private final InMemorySeats seats = new InMemorySeats();
    private final PairService service = new PairService(pairs, seats, signUps, signUpService, null, null, null,
            audit, clock);

    private final Cohort cohort = aCohortTakingSignUpsToday();

    @Test
    void aWithdrawalEndsEveryOpenPairOfThePersonAndGivesTheirSeatsBack() {
        SignUp executive = anExecutiveTaking(2, "bram@example.com");
        Pair accepted = aPairOf(aSchoolLeader("anke@example.nl"), executive);
        Pair proposed = aPairOf(aSchoolLeader("carla@example.nl"), executive);
        service.accept(accepted.id(), Side.EXECUTIVE);
        service.accept(accepted.id(), Side.SCHOOL_LEADER);
        service.accept(proposed.id(), Side.EXECUTIVE);
        assertThat(seats.heldBy(executive.id())).isEqualTo(2);

        service.withdraw(executive.id());

        assertThat(signUps.find(executive.id()).orElseThrow().active()).isFalse();
        for (Pair pair : new Pair[] {accepted, proposed}) {
            Pair now = pairs.find(pair.id()).orElseThrow();
            assertThat(now.status()).isEqualTo(PairStatus.ENDED_EARLY);
            assertThat(now.endReason()).isEqualTo(EndReason.WITHDRAWN);
        }
        assertThat(pairs.published()).filteredOn(PairEnded.class::isInstance).map(PairEnded.class::cast)
                .extracting(PairEnded::pairId, PairEnded::reason).containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(accepted.id(), "WITHDRAWN"),
                        org.assertj.core.groups.Tuple.tuple(proposed.id(), "WITHDRAWN"));
        assertThat(seats.heldBy(executive.id())).isZero();
        assertThat(audit.actionsOn(executive.participantRef())).contains("WITHDREW_SIGN_UP");
    }

    @Test
    void anExecutiveSaysYesToNoMorePairsThanTheyTakeAndTheRefusedYesChangesNothing() {
        SignUp executive = anExecutiveTaking(1, "dirk@example.com");
        Pair first = aPairOf(aSchoolLeader("eva@example.nl"), executive);
        Pair second = aPairOf(aSchoolLeader("fleur@example.nl"), executive);
        service.accept(first.id(), Side.EXECUTIVE);

        assertThatThrownBy(() -> service.accept(second.id(), Side.EXECUTIVE)).isInstanceOf(NotPossibleNow.class)
                .hasMessageContaining("as many pairs as they take (1)");

        assertThat(pairs.find(second.id()).orElseThrow().acceptedBy(Side.EXECUTIVE)).isFalse();
        assertThat(seats.heldBy(executive.id())).isEqualTo(1);

        service.decline(first.id(), Side.SCHOOL_LEADER);
        assertThat(seats.heldBy(executive.id())).as("a declined pair gives its seat back").isZero();
        assertThat(service.accept(second.id(), Side.EXECUTIVE).acceptedBy(Side.EXECUTIVE)).isTrue();
    }

    @Test
    void aPairWhoseSideWithdrewBeforeTheStartDoesNotStart() {
        SignUp leader = aSchoolLeader("gijs@example.nl");
        SignUp executive = anExecutiveTaking(1, "hanna@example.com");
        Pair pair = aPairOf(leader, executive);
        service.accept(pair.id(), Side.SCHOOL_LEADER);
        service.accept(pair.id(), Side.EXECUTIVE);
        signUpService.withdraw(leader.id());

        assertThatThrownBy(() -> service.activate(pair.id())).isInstanceOf(NotPossibleNow.class)
                .hasMessageContaining("withdrew");
        assertThat(pairs.find(pair.id()).orElseThrow().status()).isEqualTo(PairStatus.ACCEPTED);
    }

    @Test
    void aSecondSignUpOfTheSameAddressOrOneOutsideTheWindowIsRefusedAndKeepsNothing() {
        aSchoolLeader("ida@example.nl");

        assertThatThrownBy(() -> aSchoolLeader(" IDA@example.nl")).isInstanceOf(NotPossibleNow.class);
        Cohort later = programmes.addCohort(cohort.programmeId(), new ProgrammeService.NewCohort("Ronde 2",
                TODAY.plusMonths(6), TODAY.plusMonths(7), TODAY.plusMonths(8), TODAY.plusMonths(20)));
        assertThatThrownBy(() -> signUpService.signUp(later.id(), leaderAnswers("jan@example.nl")))
                .isInstanceOf(NotPossibleNow.class).hasMessageContaining("takes sign-ups from");

        assertThat(signUps.ofCohort(cohort.id())).hasSize(1);
        assertThat(signUps.ofCohort(later.id())).isEmpty();
    }

    private Cohort aCohortTakingSignUpsToday() {
        String programme = programmes.create("Schoolleider zoekt topbestuurder").id();
        return programmes.addCohort(programme, new ProgrammeService.NewCohort("Ronde 1", TODAY.minusDays(10),
                TODAY.plusDays(10), TODAY.plusMonths(1), TODAY.plusMonths(13)));
    }

    private SignUp aSchoolLeader(String email) {
        return signUpService.signUp(cohort.id(), leaderAnswers(email));
    }

    private static SignUp.Answers leaderAnswers(String email) {
        return new SignUp.Answers(Side.SCHOOL_LEADER, "Schoolleider " + email, email, "PO", "AM36",
                "Stichting " + email, Map.of(Theme.LEADERSHIP, 3), Set.of(DayPart.MORNING), null, Set.of(), true);
    }

    private SignUp anExecutiveTaking(int capacity, String email) {
        return signUpService.signUp(cohort.id(), new SignUp.Answers(Side.EXECUTIVE, "Bestuurder " + email, email,
                "Energie", "AM36", "Bedrijf " + email, Map.of(Theme.LEADERSHIP, 2), Set.of(), capacity, Set.of(),
                true));
    }

    /** A pair as a confirmed matching run proposes it to both sides. */
    private Pair aPairOf(SignUp leader, SignUp executive) {
        Pair pair = Pair.propose(cohort.id(), "run-1", leader.id(), executive.id(), leader.participantRef(),
                executive.participantRef(), 40, TODAY);
        pairs.add(pair);
        return pair;
    }
}
