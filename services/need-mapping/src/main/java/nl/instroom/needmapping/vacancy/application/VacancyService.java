package nl.instroom.needmapping.vacancy.application;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import nl.instroom.chassis.web.NotFoundException;
import nl.instroom.events.needmap.Urgency;
import nl.instroom.needmapping.vacancy.domain.Vacancies;
import nl.instroom.needmapping.vacancy.domain.Vacancy;
import org.springframework.stereotype.Service;

/** Opens, fills and withdraws vacancies. The events they cause leave through the outbox. */
@Service
public class VacancyService {

    /** What a coordinator or school gives to open a vacancy. */
    public record OpenVacancy(String schoolCode, String subject, BigDecimal fte, int hoursPerWeek,
            LocalDate startDate, Urgency urgency) {
    }

    private final Vacancies vacancies;
    private final Clock clock;

    VacancyService(Vacancies vacancies, Clock clock) {
        this.vacancies = vacancies;
        this.clock = clock;
    }

    public Vacancy open(OpenVacancy command) {
        Vacancy vacancy = Vacancy.open(UUID.randomUUID().toString(), command.schoolCode(), command.subject(),
                command.fte(), command.hoursPerWeek(), command.startDate(), command.urgency(), LocalDate.now(clock));
        vacancies.save(vacancy);
        return vacancy;
    }

    public Vacancy fill(String id) {
        Vacancy vacancy = get(id);
        vacancy.fill(LocalDate.now(clock));
        vacancies.save(vacancy);
        return vacancy;
    }

    public Vacancy withdraw(String id, String reasonCode) {
        Vacancy vacancy = get(id);
        vacancy.withdraw(LocalDate.now(clock), reasonCode);
        vacancies.save(vacancy);
        return vacancy;
    }

    public Vacancy get(String id) {
        return vacancies.find(id).orElseThrow(() -> new NotFoundException("Vacancy", id));
    }
}
