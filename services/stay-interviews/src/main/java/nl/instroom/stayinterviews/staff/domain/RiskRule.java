package nl.instroom.stayinterviews.staff.domain;

import nl.instroom.events.stay.RiskBand;

/**
 * The documented retention-risk rule (docs/stay-interviews.md): someone who says they will not be here in a year
 * is a HIGH risk whatever else they say; doubt, low satisfaction or a heavy workload — each a known predictor of
 * leaving teaching — make it MEDIUM; otherwise LOW. Deliberately simple, so HR can explain every band.
 */
public final class RiskRule {

    private RiskRule() {
    }

    public static RiskBand band(IntentToStay intent, int satisfaction, int workload) {
        if (intent == IntentToStay.NO) {
            return RiskBand.HIGH;
        }
        if (intent == IntentToStay.UNSURE || satisfaction <= 2 || workload >= 4) {
            return RiskBand.MEDIUM;
        }
        return RiskBand.LOW;
    }
}
