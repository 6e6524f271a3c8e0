package nl.instroom.events.needmap;

/** How soon a vacancy must be filled, as the school judges it. */
public enum Urgency {
    LOW, NORMAL, HIGH, CRITICAL
}
