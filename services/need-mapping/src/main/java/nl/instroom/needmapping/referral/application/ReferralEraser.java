package nl.instroom.needmapping.referral.application;

import nl.instroom.chassis.privacy.PersonalDataEraser;
import nl.instroom.events.privacy.SubjectKind;
import nl.instroom.needmapping.referral.domain.Referrals;
import org.springframework.stereotype.Component;

/**
 * An erasure request for an {@code EXTERNAL} person names an advice case by its id (career-advice's erasure flow):
 * its referrals go entirely. The counts per subject then count one fewer — as a projection rebuilt from the topic
 * would, since the erasure ledger drops the erased case's referrals on replay.
 */
@Component
class ReferralEraser implements PersonalDataEraser {

    private final Referrals referrals;

    ReferralEraser(Referrals referrals) {
        this.referrals = referrals;
    }

    @Override
    public int erase(SubjectKind kind, String subjectRef) {
        return kind == SubjectKind.EXTERNAL ? referrals.removeCase(subjectRef) : 0;
    }
}
