package nl.instroom.mentoring.signup.application;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import nl.instroom.chassis.retention.RetentionRule;
import nl.instroom.mentoring.signup.domain.SignUps;
import org.springframework.stereotype.Component;

/**
 * A participant's name, address, organisation and "not with" are kept for a year after their cohort ended (long
 * enough for the final feedback and the figures), then forgotten as an erasure would
 * ({@code instroom.retention.mentoring-participant}).
 */
@Component
class SignUpRetention implements RetentionRule {

    private final SignUps signUps;

    SignUpRetention(SignUps signUps) {
        this.signUps = signUps;
    }

    @Override
    public String kind() {
        return "mentoring-participant";
    }

    @Override
    public Period defaultPeriod() {
        return Period.ofYears(1);
    }

    @Override
    public Purged purge(Instant cutoff, int limit) {
        return Purged.of(signUps.anonymiseEndedBefore(cutoff.atZone(ZoneOffset.UTC).toLocalDate(), limit));
    }
}
