package nl.instroom.events.advice;

import java.time.YearMonth;
import java.util.List;
import nl.instroom.events.InstroomEvent;
import nl.instroom.events.Sector;
import nl.instroom.events.privacy.PersonRef;
import nl.instroom.events.privacy.SubjectKind;

/**
 * A referred career switcher reached a later stage on their way into teaching: in training, or working. Told once per
 * stage and case, to the region of the case's latest referral, so the region's funnel counts training starts and
 * people at work, not only referrals. It travels on the referral topic ({@code advice.referrals.v1}) under the same
 * key as the referral, so a consumer always has the referral before the stage.
 *
 * <p>Each event is the case's whole progress so far (both months), not a step: a consumer sets it, and a case that
 * went from preparing straight to working still counts as having reached training (in passing, that month). Months,
 * not days: the funnel needs no more, and a day would tell a coordinator more about a pseudonymous person than it
 * needs. Never a name, an e-mail address, a summary, a route or a school's free text.
 *
 * @param caseId the advice case's pseudonymous id (UUID); the aggregate
 * @param region the CBS code of the region of the case's latest referral (AMxx)
 * @param sector the sector of that referral
 * @param subject the subject of that referral, or null for po and so
 * @param stage the furthest stage the case reached: {@code IN_TRAINING} or {@code WORKING}
 * @param inTrainingSince the month the case reached in training (in passing: the month it started working)
 * @param workingSince the month the case started working, or null while in training
 * @param revision the case's revision after the change
 */
public record CandidateProgressed(String caseId, String region, Sector sector, String subject, String stage,
        YearMonth inTrainingSince, YearMonth workingSince, long revision) implements InstroomEvent {

    public static final String IN_TRAINING = "IN_TRAINING";
    public static final String WORKING = "WORKING";

    @Override
    public String aggregateId() {
        return caseId;
    }

    @Override
    public List<PersonRef> personRefs() {
        return List.of(new PersonRef(SubjectKind.EXTERNAL, caseId));
    }
}
