package nl.instroom.tutoring.tutor.domain;

import java.time.DayOfWeek;
import java.util.EnumSet;
import java.util.Set;
import nl.instroom.chassis.refusal.InvalidRequest;

/** When a tutor can help: hours per week and the weekdays. */
public record Availability(int hoursPerWeek, Set<DayOfWeek> weekdays) {

    public Availability {
        if (hoursPerWeek < 1 || hoursPerWeek > 12) {
            throw new InvalidRequest("A pupil tutors between 1 and 12 hours per week");
        }
        if (weekdays == null || weekdays.isEmpty()) {
            throw new InvalidRequest("Name at least one weekday");
        }
        if (weekdays.contains(DayOfWeek.SATURDAY) || weekdays.contains(DayOfWeek.SUNDAY)) {
            throw new InvalidRequest("Schools are closed at weekends");
        }
        weekdays = Set.copyOf(EnumSet.copyOf(weekdays));
    }
}
