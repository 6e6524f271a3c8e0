package nl.instroom.tutoring.matching.domain;

import java.util.Objects;

/** A tutor helping a school with a subject: what matching proposes, and what a coordinator pins or excludes. */
public record Pair(String tutorId, String schoolCode, String subject) {

    public Pair {
        Objects.requireNonNull(tutorId, "tutorId");
        Objects.requireNonNull(schoolCode, "schoolCode");
        Objects.requireNonNull(subject, "subject");
    }
}
