package nl.instroom.events.scouting;

/** The stages of the talent pipeline. */
public enum TalentStage {
    FLAGGED, APPROACHED, INTERESTED, ENROLLED, DECLINED, WITHDRAWN
}
