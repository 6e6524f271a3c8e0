package nl.instroom.scouting.referral.domain;

import java.time.LocalDate;
import nl.instroom.events.Sector;

/**
 * A career switcher referred to a region. The case reference is here only on the way in: the store keeps a keyed
 * digest of case and region, never the reference, since the funnel counts and names nobody.
 */
public record Referral(String caseRef, String region, Sector sector, String subject, LocalDate referredOn) {
}
