package nl.instroom.mentoring.outcome.domain;

import java.util.Collection;
import java.util.Set;

/**
 * The schools that take part in stay interviews: those named by any event on stay.signals.v1. Only there can a
 * school leader's staying be known — at a school without stay interviews no leaving date is ever published, so a
 * linked leader there is "unknown", never "stayed". A school code names no person.
 */
public interface TakingPartSchools {

    /** Notes the schools (safe to repeat). */
    void note(Collection<String> schoolCodes);

    /** Which of the given schools take part. */
    Set<String> among(Collection<String> schoolCodes);
}
