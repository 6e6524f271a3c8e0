package nl.instroom.needmapping.school.domain;

import java.time.DayOfWeek;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import nl.instroom.chassis.refusal.InvalidRequest;

/**
 * On which weekdays and how many tutors at once a school hosts pupils of the tutoring programme, as its HR said. A
 * school that never said has none of these: then it hosts on every weekday and as many as tutoring's default.
 *
 * @param days     the weekdays (Monday to Friday; tutors are pupils, who tutor on school days)
 * @param capacity tutors hosted at once, 1 to 50 (the bounds tutoring's default capacity has)
 */
public record TutoringHosting(Set<DayOfWeek> days, int capacity) {

    public static final int MOST_TUTORS = 50;

    public TutoringHosting {
        if (days == null || days.isEmpty()) {
            throw new InvalidRequest("Name at least one weekday on which the school hosts tutors");
        }
        if (days.contains(DayOfWeek.SATURDAY) || days.contains(DayOfWeek.SUNDAY)) {
            throw new InvalidRequest("Tutors help on school days: Monday to Friday");
        }
        if (capacity < 1 || capacity > MOST_TUTORS) {
            throw new InvalidRequest("A school hosts 1 to " + MOST_TUTORS + " tutors at once");
        }
        days = Set.copyOf(EnumSet.copyOf(days));
    }

    /** The days in week order, as events and answers list them. */
    public List<DayOfWeek> daysInOrder() {
        return List.copyOf(EnumSet.copyOf(days));
    }
}
