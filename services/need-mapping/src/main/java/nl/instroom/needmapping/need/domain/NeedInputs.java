package nl.instroom.needmapping.need.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import nl.instroom.events.needmap.Urgency;

/**
 * What the need index of one school weighs.
 *
 * @param pupils pupil count, or null when DUO does not know it
 * @param openVacancies the school's open vacancies
 * @param unfilledLessonHoursPerWeek lesson hours per week not given for lack of staff (lesuitval), as reported
 * @param expectedDeparturesFte staff expected to leave in the next 12 months (school aggregate from stay-interviews)
 * @param activeTutorPlacements tutors now helping at the school (from tutoring)
 */
public record NeedInputs(String schoolCode, String region, Integer pupils, List<Vacancy> openVacancies,
        double unfilledLessonHoursPerWeek, double expectedDeparturesFte, int activeTutorPlacements) {

    /** An open vacancy as the formula sees it. */
    public record Vacancy(String subject, BigDecimal fte, LocalDate openedOn, Urgency urgency) {
    }

    public NeedInputs {
        openVacancies = List.copyOf(openVacancies);
    }
}
