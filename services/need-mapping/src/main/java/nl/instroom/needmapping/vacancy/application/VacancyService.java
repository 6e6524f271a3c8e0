package nl.instroom.needmapping.vacancy.application;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.instroom.chassis.refusal.InvalidRequest;
import nl.instroom.chassis.security.CurrentUser;
import nl.instroom.chassis.web.NotFoundException;
import nl.instroom.events.needmap.Urgency;
import nl.instroom.needmapping.school.domain.School;
import nl.instroom.needmapping.school.domain.Schools;
import nl.instroom.needmapping.vacancy.domain.Vacancies;
import nl.instroom.needmapping.vacancy.domain.Vacancy;
import nl.instroom.needmapping.vacancy.domain.VacancyStatus;
import org.springframework.stereotype.Service;

/**
 * Opens, fills and withdraws vacancies at registered schools. The events they cause leave through the outbox, and
 * the school's need is recomputed. Every caller acts within their scope: school HR for its own school, coordinators
 * and integrations for their region. Outside it a school or vacancy does not exist (404), so not even existence
 * leaks.
 */
@Service
public class VacancyService {

    /**
     * What a coordinator or school gives to open a vacancy; {@code openedOn} null for today, a day of the past for a
     * vacancy of the school's existing records.
     */
    public record OpenVacancy(String schoolCode, String subject, BigDecimal fte, int hoursPerWeek,
            LocalDate startDate, Urgency urgency, LocalDate openedOn) {

        /** A vacancy opened today. */
        public OpenVacancy(String schoolCode, String subject, BigDecimal fte, int hoursPerWeek, LocalDate startDate,
                Urgency urgency) {
            this(schoolCode, subject, fte, hoursPerWeek, startDate, urgency, null);
        }
    }

    private final Vacancies vacancies;
    private final Schools schools;
    private final VacancyChanges changes;
    private final Clock clock;

    VacancyService(Vacancies vacancies, Schools schools, VacancyChanges changes, Clock clock) {
        this.vacancies = vacancies;
        this.schools = schools;
        this.changes = changes;
        this.clock = clock;
    }

    public Vacancy open(OpenVacancy command, CurrentUser user) {
        School school = schools.find(code(command.schoolCode()))
                .filter(found -> user.mayChangeSchool(found.code(), found.facts().region()))
                .orElseThrow(() -> new NotFoundException("School", command.schoolCode()));
        Vacancy vacancy = Vacancy.open(UUID.randomUUID().toString(), school.code(), command.subject(),
                command.fte(), command.hoursPerWeek(), command.startDate(), command.urgency(), command.openedOn(),
                LocalDate.now(clock));
        return saved(vacancy);
    }

    /** What became of one vacancy of a batch: opened (its id) or refused (why). */
    public record Outcome(String openedId, String refusal) {
    }

    /**
     * Opens many vacancies at once (an import): the schools looked up in one query, the vacancies stored in one
     * bulk insert, their schools marked for recalculation once. Each stands alone: one that is refused (an unknown
     * school or one not the caller's, a value the domain refuses) leaves the others.
     */
    public List<Outcome> openAll(List<OpenVacancy> commands, CurrentUser user) {
        Set<String> codes = new HashSet<>();
        commands.forEach(command -> codes.add(code(command.schoolCode())));
        Map<String, School> visible = new HashMap<>();
        schools.findAll(codes).forEach((code, school) -> {
            if (user.mayChangeSchool(school.code(), school.facts().region())) {
                visible.put(code, school);
            }
        });
        LocalDate today = LocalDate.now(clock);
        List<Outcome> outcomes = new ArrayList<>(commands.size());
        List<Vacancy> opened = new ArrayList<>();
        for (OpenVacancy command : commands) {
            School school = visible.get(code(command.schoolCode()));
            if (school == null) {
                outcomes.add(new Outcome(null, "unknown school, or not yours"));
                continue;
            }
            try {
                Vacancy vacancy = Vacancy.open(UUID.randomUUID().toString(), school.code(), command.subject(),
                        command.fte(), command.hoursPerWeek(), command.startDate(), command.urgency(),
                        command.openedOn(), today);
                opened.add(vacancy);
                outcomes.add(new Outcome(vacancy.id(), null));
            } catch (InvalidRequest e) {
                outcomes.add(new Outcome(null, e.getMessage()));
            } catch (NullPointerException e) {
                outcomes.add(new Outcome(null, "a field is missing"));
            }
        }
        vacancies.insertAll(opened);
        changes.schoolsChanged(opened.stream().map(Vacancy::schoolCode).distinct().toList());
        return outcomes;
    }

    private static String code(String schoolCode) {
        return schoolCode == null ? "" : schoolCode.trim().toUpperCase(Locale.ROOT);
    }

    /** Fills a vacancy as of {@code filledOn}, today when null. */
    public Vacancy fill(String id, LocalDate filledOn, CurrentUser user) {
        Vacancy vacancy = changeable(id, user);
        vacancy.fill(filledOn, LocalDate.now(clock));
        return saved(vacancy);
    }

    /** Withdraws a vacancy as of {@code withdrawnOn}, today when null. */
    public Vacancy withdraw(String id, String reasonCode, LocalDate withdrawnOn, CurrentUser user) {
        Vacancy vacancy = changeable(id, user);
        vacancy.withdraw(withdrawnOn, reasonCode, LocalDate.now(clock));
        return saved(vacancy);
    }

    public Vacancy get(String id, CurrentUser user) {
        return vacancies.find(id)
                .filter(vacancy -> schools.find(vacancy.schoolCode())
                        .map(school -> user.coversSchool(school.code(), school.facts().region())).orElse(false))
                .orElseThrow(() -> new NotFoundException("Vacancy", id));
    }

    private Vacancy changeable(String id, CurrentUser user) {
        return vacancies.find(id)
                .filter(vacancy -> schools.find(vacancy.schoolCode())
                        .map(school -> user.mayChangeSchool(school.code(), school.facts().region())).orElse(false))
                .orElseThrow(() -> new NotFoundException("Vacancy", id));
    }

    public List<Vacancy> atSchool(String schoolCode, VacancyStatus status, CurrentUser user) {
        return vacancies.atSchool(visibleSchool(schoolCode, user).code(), status);
    }

    private Vacancy saved(Vacancy vacancy) {
        vacancies.save(vacancy);
        changes.schoolChanged(vacancy.schoolCode());
        return vacancy;
    }

    private School visibleSchool(String schoolCode, CurrentUser user) {
        return schools.find(code(schoolCode))
                .filter(school -> user.coversSchool(school.code(), school.facts().region()))
                .orElseThrow(() -> new NotFoundException("School", schoolCode));
    }
}
