package nl.instroom.scouting.referral.application;

import nl.instroom.chassis.events.ReceivedEvent;
import nl.instroom.events.InstroomEvent;
import nl.instroom.events.advice.CandidateProgressed;
import nl.instroom.events.advice.CandidateReferred;
import nl.instroom.scouting.referral.domain.Referral;
import nl.instroom.scouting.referral.domain.Referrals;
import org.springframework.stereotype.Service;

/**
 * Applies career-advice's referrals to the funnel's incoming stage. A referral naming an erased case never gets
 * here: the chassis' consumer drops it (docs/security.md, "Personal references on Kafka and replay").
 */
@Service
public class ReferralProjection {

    private final Referrals referrals;

    ReferralProjection(Referrals referrals) {
        this.referrals = referrals;
    }

    /**
     * Idempotent: the same event, or an older state of the case's referral to the region, changes nothing. A later
     * stage ({@link CandidateProgressed}) sets how far the referred case got, on the same document.
     */
    public boolean apply(ReceivedEvent<InstroomEvent> received) {
        if (received.data() instanceof CandidateProgressed progressed) {
            return referrals.progress(received.id(), progressed.caseId(), progressed.region(),
                    progressed.inTrainingSince(), progressed.workingSince(), progressed.revision());
        }
        if (!(received.data() instanceof CandidateReferred referred)) {
            return false;
        }
        return referrals.record(received.id(), new Referral(referred.caseId(), referred.region(), referred.sector(),
                referred.subject(), referred.referredOn()), referred.revision());
    }
}
