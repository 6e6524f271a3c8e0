package nl.instroom.needmapping.vacancy.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.IntStream;
import nl.instroom.chassis.refusal.InvalidRequest;
import nl.instroom.chassis.security.CurrentUser;
import nl.instroom.chassis.security.Role;
import nl.instroom.chassis.web.NotFoundException;
import nl.instroom.events.needmap.Urgency;
import nl.instroom.events.needmap.VacancyOpened;
import nl.instroom.events.needmap.VacancyWithdrawn;
import nl.instroom.needmapping.vacancy.domain.Vacancy;
import nl.instroom.needmapping.vacancy.domain.VacancyStatus;
import org.junit.jupiter.api.Test;

/**
 * Opening, filling and withdrawing vacancies against in-memory schools and vacancies: no Spring, no store, no
 * broker. Every caller acts within their scope, the events go with the write, and the need of each school touched is
 * scored again.
 */
class VacancyServiceTest {

    private static final String ZWOLLE = "AM36";
    private static final String FLEVOLAND = "AM12";
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC);
    private final InMemorySchools schools = new InMemorySchools().aSchoolIn("21CM00", ZWOLLE)
            .aSchoolIn("22AB01", ZWOLLE).aSchoolIn("30XY01", FLEVOLAND);
    private final InMemoryVacancies vacancies = new InMemoryVacancies();
    private final List<String> needScoredAgainFor = new ArrayList<>();
    private final VacancyService service = new VacancyService(vacancies, schools, new VacancyChanges() {
        @Override
        public void schoolChanged(String schoolCode) {
            needScoredAgainFor.add(schoolCode);
        }

        @Override
        public void schoolsChanged(Collection<String> schoolCodes) {
            needScoredAgainFor.addAll(schoolCodes);
        }
    }, clock);

    private final CurrentUser zwolleCoordinator = coordinatorOf(ZWOLLE);

    @Test
    void withdrawingAVacancyPublishesTheWithdrawalAndScoresTheSchoolsNeedAgain() {
        List<Vacancy> open = aSchoolWithOpenVacancies("21CM00", 3);
        needScoredAgainFor.clear();

        Vacancy withdrawn = service.withdraw(open.get(1).id(), "BUDGET", null, zwolleCoordinator);

        assertThat(withdrawn.status()).isEqualTo(VacancyStatus.WITHDRAWN);
        assertThat(vacancies.atSchool("21CM00", VacancyStatus.OPEN)).hasSize(2);
        assertThat(vacancies.published()).last().isInstanceOfSatisfying(VacancyWithdrawn.class, event -> {
            assertThat(event.vacancyId()).isEqualTo(withdrawn.id());
            assertThat(event.reasonCode()).isEqualTo("BUDGET");
        });
        assertThat(needScoredAgainFor).containsExactly("21CM00");
    }

    @Test
    void aCoordinatorOfAnotherRegionFindsNoSchoolNorVacancyThereAndChangesNothing() {
        List<Vacancy> open = aSchoolWithOpenVacancies("21CM00", 2);
        int eventsBefore = vacancies.published().size();
        needScoredAgainFor.clear();
        CurrentUser flevolandCoordinator = coordinatorOf(FLEVOLAND);

        assertThatThrownBy(() -> service.open(aVacancyAt("21CM00"), flevolandCoordinator))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.withdraw(open.get(0).id(), "BUDGET", null, flevolandCoordinator))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.fill(open.get(1).id(), null, flevolandCoordinator))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.get(open.get(0).id(), flevolandCoordinator))
                .isInstanceOf(NotFoundException.class);

        assertThat(vacancies.atSchool("21CM00", VacancyStatus.OPEN)).hasSize(2);
        assertThat(vacancies.published()).hasSize(eventsBefore);
        assertThat(needScoredAgainFor).isEmpty();
    }

    @Test
    void theSchoolsHrOpensVacanciesAtItsOwnSchoolOnly() {
        CurrentUser hr = new CurrentUser("hr-21CM00", List.of(Role.SCHOOL_HR), null, "21CM00");

        Vacancy opened = service.open(aVacancyAt("21cm00"), hr);

        assertThat(opened.schoolCode()).as("the code in its canonical form").isEqualTo("21CM00");
        assertThatThrownBy(() -> service.open(aVacancyAt("22AB01"), hr)).isInstanceOf(NotFoundException.class);
        assertThat(vacancies.atSchool("22AB01", null)).isEmpty();
    }

    @Test
    void anInvalidWithdrawalOrAFillingInTheFutureChangesNothing() {
        Vacancy open = aSchoolWithOpenVacancies("21CM00", 1).get(0);
        int eventsBefore = vacancies.published().size();
        needScoredAgainFor.clear();

        assertThatThrownBy(() -> service.withdraw(open.id(), "too expensive", null, zwolleCoordinator))
                .isInstanceOf(InvalidRequest.class);
        assertThatThrownBy(() -> service.fill(open.id(), TODAY.plusDays(1), zwolleCoordinator))
                .isInstanceOf(InvalidRequest.class);

        assertThat(vacancies.find(open.id()).orElseThrow().status()).isEqualTo(VacancyStatus.OPEN);
        assertThat(vacancies.published()).hasSize(eventsBefore);
        assertThat(needScoredAgainFor).isEmpty();
    }

    @Test
    void anImportOpensWhatItMayAndSaysWhyForTheRestScoringEachSchoolOnce() {
        List<VacancyService.Outcome> outcomes = service.openAll(List.of(aVacancyAt("21CM00"), aVacancyAt("21CM00"),
                aVacancyAt("30XY01"), aVacancyAt("99ZZ99"),
                new VacancyService.OpenVacancy("22AB01", "wiskunde", new BigDecimal("2.5"), 20, null,
                        Urgency.HIGH)), zwolleCoordinator);

        assertThat(outcomes).extracting(VacancyService.Outcome::refusal).containsExactly(null, null,
                "unknown school, or not yours", "unknown school, or not yours",
                "FTE must be more than 0 and at most 1.2");
        assertThat(vacancies.published()).hasSize(2).allMatch(VacancyOpened.class::isInstance);
        assertThat(needScoredAgainFor).containsExactly("21CM00");
    }

    /** A school of the region whose coordinator opened this many vacancies there today. */
    private List<Vacancy> aSchoolWithOpenVacancies(String schoolCode, int count) {
        return IntStream.range(0, count).mapToObj(i -> service.open(aVacancyAt(schoolCode), zwolleCoordinator))
                .toList();
    }

    private static VacancyService.OpenVacancy aVacancyAt(String schoolCode) {
        return new VacancyService.OpenVacancy(schoolCode, "wiskunde", new BigDecimal("0.8"), 28,
                TODAY.plusMonths(1), Urgency.NORMAL);
    }

    private static CurrentUser coordinatorOf(String region) {
        return new CurrentUser("coordinator-" + region, List.of(Role.COORDINATOR), region, null);
    }
}
