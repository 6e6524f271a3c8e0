package nl.instroom.needmapping.vacancy.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import nl.instroom.chassis.security.CurrentUser;
import nl.instroom.chassis.web.NotFoundException;
import nl.instroom.needmapping.school.domain.School;
import nl.instroom.needmapping.school.domain.Schools;
import nl.instroom.needmapping.vacancy.domain.Vacancies;
import nl.instroom.needmapping.vacancy.domain.VacancyHistory;
import org.springframework.stereotype.Service;

/**
 * A school's or a region's vacancies month by month over the last twelve months, computed per request from the
 * vacancy records themselves: the ones still open and the ones closed since the first month — never the older
 * closed ones, which count in no month. Scoped like need-mapping's other reads: a school for whoever covers it
 * (its own HR, its region's people, country-wide roles), a region for its own people (a country-wide caller names
 * it); outside that, a 404.
 */
@Service
public class VacancyHistoryQueries {

    /**
     * Most vacancy records one history reads. A large region opens and closes a few thousand a year; beyond this the
     * answer says {@code complete: false} rather than showing short figures silently.
     */
    static final int MAX_VACANCIES = 20_000;

    /** A history: whose (a school's code or a region's), its months oldest first, and whether every record was read. */
    public record History(String schoolCode, String region, LocalDate from, LocalDate to, boolean complete,
            List<VacancyHistory.Month> months) {
    }

    private final Vacancies vacancies;
    private final Schools schools;
    private final Clock clock;

    VacancyHistoryQueries(Vacancies vacancies, Schools schools, Clock clock) {
        this.vacancies = vacancies;
        this.schools = schools;
        this.clock = clock;
    }

    public History ofSchool(String schoolCode, CurrentUser user) {
        String code = schoolCode == null ? "" : schoolCode.trim().toUpperCase(Locale.ROOT);
        School school = schools.find(code)
                .filter(found -> user.coversSchool(found.code(), found.facts().region()))
                .orElseThrow(() -> new NotFoundException("School", schoolCode));
        return history(school.code(), null, List.of(school.code()));
    }

    public History ofRegion(String requestedRegion, CurrentUser user) {
        String region = user.regionAsked(requestedRegion);
        return history(null, region, schools.codesInRegion(region));
    }

    private History history(String schoolCode, String region, List<String> schoolCodes) {
        LocalDate today = LocalDate.now(clock);
        LocalDate from = VacancyHistory.firstDay(today);
        List<VacancyHistory.Dates> found = vacancies.datesAtSchools(schoolCodes, from, MAX_VACANCIES + 1);
        boolean complete = found.size() <= MAX_VACANCIES;
        List<VacancyHistory.Dates> read = complete ? found : found.subList(0, MAX_VACANCIES);
        return new History(schoolCode, region, from, today, complete, VacancyHistory.of(read, today));
    }
}
