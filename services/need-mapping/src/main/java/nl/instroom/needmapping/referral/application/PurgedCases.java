package nl.instroom.needmapping.referral.application;

import nl.instroom.chassis.events.ReceivedEvent;
import nl.instroom.chassis.privacy.ErasureResponder;
import nl.instroom.events.InstroomEvent;
import nl.instroom.events.privacy.PersonalDataPurged;
import nl.instroom.events.privacy.SubjectKind;
import org.springframework.stereotype.Component;

/**
 * Forgets the advice cases career-advice's retention purge removed. need-mapping learnt their ids from referrals;
 * career-advice names the purged cases that had been referred in its {@code PersonalDataPurged} notice (kind
 * {@value #ADVICE_CASE}) so that whoever learnt an id can forget it too. Forgotten as on an erasure request — into the
 * erasure ledger first, so a replayed referral cannot bring the case back, then the erasers and the audit trail — but
 * without an answer: nobody asked. Notices of other services and kinds name ids need-mapping never kept.
 */
@Component
public class PurgedCases {

    static final String CAREER_ADVICE = "career-advice";
    static final String ADVICE_CASE = "advice-case";

    private final ErasureResponder erasure;

    PurgedCases(ErasureResponder erasure) {
        this.erasure = erasure;
    }

    /** Handles an event of the retention topic; false for anything but career-advice's purged cases. */
    public boolean forget(ReceivedEvent<InstroomEvent> received) {
        if (!(received.data() instanceof PersonalDataPurged purged) || !CAREER_ADVICE.equals(purged.service())
                || !ADVICE_CASE.equals(purged.dataKind()) || purged.references().isEmpty()) {
            return false;
        }
        purged.references().forEach(caseId -> erasure.forget(SubjectKind.EXTERNAL, caseId));
        return true;
    }
}
