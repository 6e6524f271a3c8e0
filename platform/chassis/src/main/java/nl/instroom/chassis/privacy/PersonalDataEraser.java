package nl.instroom.chassis.privacy;

import nl.instroom.events.privacy.SubjectKind;

/**
 * Erases or anonymises what one part of a service holds about a person. Must be safe to run twice: an erasure
 * request can be delivered again.
 */
@FunctionalInterface
public interface PersonalDataEraser {

    /** Returns how many records were erased or anonymised (0 when nothing was held). */
    int erase(SubjectKind kind, String subjectRef);
}
