package nl.instroom.events.stay;

/** Retention risk of one interview, by the documented rule of stay-interviews. */
public enum RiskBand {
    LOW, MEDIUM, HIGH
}
