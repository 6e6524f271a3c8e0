package nl.instroom.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A service's clock that a test moves on — to the day a retention period ends, say — without waiting: the real time
 * plus a shift. Give it to the application as its {@code Clock} bean; it starts unshifted.
 */
public final class ShiftableClock extends Clock {

    private volatile Duration shift = Duration.ZERO;

    /** Moves the clock on by a period of days, months or years (counted from today, in UTC). */
    public void advance(Period period) {
        Instant now = instant();
        shift = shift.plus(Duration.between(now, now.atZone(ZoneOffset.UTC).plus(period).toInstant()));
    }

    public void advance(Duration duration) {
        shift = shift.plus(duration);
    }

    /** Back to the real time. */
    public void reset() {
        shift = Duration.ZERO;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a shiftable clock stays in UTC");
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(shift);
    }
}
