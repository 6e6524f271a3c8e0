package nl.instroom.stayinterviews.risk.domain;

/** Direction of a school's expected departures since the assessment before. */
public enum Trend {
    RISING, FALLING, STABLE
}
