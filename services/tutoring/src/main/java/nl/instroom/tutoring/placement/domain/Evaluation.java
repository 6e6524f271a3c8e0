package nl.instroom.tutoring.placement.domain;

import nl.instroom.chassis.refusal.InvalidRequest;

/**
 * The host school's evaluation on completion: reliability and talent for teaching, 1–5 each, and an optional note
 * that never leaves tutoring.
 */
public record Evaluation(int reliability, int talentForTeaching, String note) {

    public Evaluation {
        if (reliability < 1 || reliability > 5 || talentForTeaching < 1 || talentForTeaching > 5) {
            throw new InvalidRequest("Reliability and talent for teaching are scored 1 to 5");
        }
        if (note != null && note.length() > 2000) {
            throw new InvalidRequest("The note is at most 2000 characters");
        }
    }
}
