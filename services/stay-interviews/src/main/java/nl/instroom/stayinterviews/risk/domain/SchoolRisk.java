package nl.instroom.stayinterviews.risk.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import nl.instroom.events.InstroomEvent;
import nl.instroom.events.stay.RetentionRiskAssessed;

/**
 * A school's retention risk over time. A new assessment that changes the figure (or the interviews it covers)
 * becomes the current one, raises the revision and registers {@code RetentionRiskAssessed}, which need-mapping
 * folds into the school's need by revision; an unchanged one registers nothing.
 */
public final class SchoolRisk {

    /** One assessment as kept for the trend. */
    public record Point(LocalDate assessedOn, BigDecimal expectedDeparturesFte, int interviewsCovered) {
    }

    /** Enough history for a year of monthly trend without the document growing without bound. */
    public static final int HISTORY = 24;

    private final String schoolCode;
    private final List<Point> history;
    private long revision;
    private final long loadedRevision;
    private final List<InstroomEvent> registered = new ArrayList<>();

    private SchoolRisk(String schoolCode, List<Point> history, long revision) {
        this.schoolCode = Objects.requireNonNull(schoolCode, "schoolCode");
        this.history = new ArrayList<>(history);
        this.revision = revision;
        this.loadedRevision = revision;
    }

    public static SchoolRisk none(String schoolCode) {
        return new SchoolRisk(schoolCode, List.of(), 0);
    }

    public static SchoolRisk restore(String schoolCode, List<Point> history, long revision) {
        return new SchoolRisk(schoolCode, history, revision);
    }

    /** Returns whether the assessment changed the school's risk. */
    public boolean assess(RetentionModel.Assessment assessment, LocalDate today) {
        Point latest = current();
        if (latest != null && latest.expectedDeparturesFte().compareTo(assessment.expectedDeparturesFte()) == 0
                && latest.interviewsCovered() == assessment.interviewsCovered()) {
            return false;
        }
        history.add(new Point(today, assessment.expectedDeparturesFte(), assessment.interviewsCovered()));
        while (history.size() > HISTORY) {
            history.remove(0);
        }
        revision++;
        registered.add(new RetentionRiskAssessed(schoolCode, assessment.expectedDeparturesFte(),
                assessment.interviewsCovered(), today, revision));
        return true;
    }

    public Point current() {
        return history.isEmpty() ? null : history.get(history.size() - 1);
    }

    public Trend trend() {
        if (history.size() < 2) {
            return Trend.STABLE;
        }
        int compared = current().expectedDeparturesFte().compareTo(history.get(history.size() - 2)
                .expectedDeparturesFte());
        return compared > 0 ? Trend.RISING : compared < 0 ? Trend.FALLING : Trend.STABLE;
    }

    public String schoolCode() {
        return schoolCode;
    }

    public List<Point> history() {
        return List.copyOf(history);
    }

    public long revision() {
        return revision;
    }

    public long loadedRevision() {
        return loadedRevision;
    }

    public List<InstroomEvent> registeredEvents() {
        return List.copyOf(registered);
    }
}
