package nl.instroom.stayinterviews.keys.domain;

import java.util.Objects;

/**
 * What one sealed value belongs to: the employee (their pseudonymous reference {@code <schoolCode>:<staffRef>}),
 * the interview and the field within it (e.g. {@code notes}, {@code actions.2.owner}). It is authenticated with the
 * value, so ciphertext copied to another colleague, another interview or another field does not open.
 */
public record Binding(String staffId, String interviewId, String field) {

    public Binding {
        Objects.requireNonNull(staffId, "staffId");
        Objects.requireNonNull(interviewId, "interviewId");
        Objects.requireNonNull(field, "field");
    }

    public static Binding of(String staffId, String interviewId, String field) {
        return new Binding(staffId, interviewId, field);
    }
}
