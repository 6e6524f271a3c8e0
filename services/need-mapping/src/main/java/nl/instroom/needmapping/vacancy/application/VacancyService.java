package nl.instroom.needmapping.vacancy.application;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import nl.instroom.chassis.security.CurrentUser;
import nl.instroom.chassis.security.Role;
import nl.instroom.chassis.web.NotFoundException;
import nl.instroom.events.needmap.Urgency;
import nl.instroom.needmapping.need.application.NeedRecalculation;
import nl.instroom.needmapping.vacancy.domain.Vacancies;
import nl.instroom.needmapping.vacancy.domain.Vacancy;
import org.springframework.stereotype.Service;

/**
 * Opens, fills and withdraws vacancies. The events they cause leave through the outbox. School HR acts only for
 * its own school: another school's vacancies do not exist for it (404), so not even their existence leaks.
 */
@Service
public class VacancyService {

    /** What a coordinator or school gives to open a vacancy. */
    public record OpenVacancy(String schoolCode, String subject, BigDecimal fte, int hoursPerWeek,
            LocalDate startDate, Urgency urgency) {
    }

    private final Vacancies vacancies;
    private final NeedRecalculation needRecalculation;
    private final Clock clock;

    VacancyService(Vacancies vacancies, NeedRecalculation needRecalculation, Clock clock) {
        this.vacancies = vacancies;
        this.needRecalculation = needRecalculation;
        this.clock = clock;
    }

    public Vacancy open(OpenVacancy command, CurrentUser user) {
        if (user.has(Role.SCHOOL_HR) && !command.schoolCode().equalsIgnoreCase(String.valueOf(user.school()))) {
            throw new NotFoundException("School", command.schoolCode());
        }
        Vacancy vacancy = Vacancy.open(UUID.randomUUID().toString(), command.schoolCode(), command.subject(),
                command.fte(), command.hoursPerWeek(), command.startDate(), command.urgency(), LocalDate.now(clock));
        vacancies.save(vacancy);
        needRecalculation.schoolChanged(vacancy.schoolCode());
        return vacancy;
    }

    public Vacancy fill(String id, CurrentUser user) {
        Vacancy vacancy = get(id, user);
        vacancy.fill(LocalDate.now(clock));
        vacancies.save(vacancy);
        needRecalculation.schoolChanged(vacancy.schoolCode());
        return vacancy;
    }

    public Vacancy withdraw(String id, String reasonCode, CurrentUser user) {
        Vacancy vacancy = get(id, user);
        vacancy.withdraw(LocalDate.now(clock), reasonCode);
        vacancies.save(vacancy);
        needRecalculation.schoolChanged(vacancy.schoolCode());
        return vacancy;
    }

    public Vacancy get(String id, CurrentUser user) {
        return vacancies.find(id)
                .filter(vacancy -> !user.has(Role.SCHOOL_HR) || vacancy.schoolCode().equals(user.school()))
                .orElseThrow(() -> new NotFoundException("Vacancy", id));
    }
}
