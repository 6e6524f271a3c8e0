package nl.instroom.mentoring.signup.application;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import nl.instroom.chassis.privacy.ErasureResponder;
import nl.instroom.chassis.retention.RetentionRule;
import nl.instroom.events.privacy.SubjectKind;
import nl.instroom.mentoring.signup.domain.SignUps;
import org.springframework.stereotype.Component;

/**
 * A participant's name, address, organisation and "not with" are kept for a year after their cohort ended (long
 * enough for the final feedback and the figures), then forgotten as an erasure would
 * ({@code instroom.retention.mentoring-participant}). Once no sign-up of theirs is left within its period (a person
 * may return in a later round, under the same reference), everything else of theirs goes as with an erasure: the
 * reference in pairs and matching runs, their goals and feedback text, their text key, their audit entries — by the
 * chassis' erasure itself (ledger and every eraser, as need-mapping's and scouting's purges do), so retention and
 * erasure can never forget different things.
 */
@Component
class SignUpRetention implements RetentionRule {

    private final SignUps signUps;
    private final ErasureResponder erasure;

    SignUpRetention(SignUps signUps, ErasureResponder erasure) {
        this.signUps = signUps;
        this.erasure = erasure;
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
        List<String> forgotten = signUps.anonymiseEndedBefore(cutoff.atZone(ZoneOffset.UTC).toLocalDate(), limit);
        for (String ref : forgotten.stream().distinct().toList()) {
            if (!signUps.carries(ref)) {
                // Safe to run again: a purge cut short by a restart repeats it harmlessly.
                erasure.forget(SubjectKind.EXTERNAL, ref);
            }
        }
        return Purged.of(forgotten);
    }
}
