package nl.instroom.stayinterviews.staff.domain;

import nl.instroom.chassis.refusal.InvalidRequest;

/**
 * The employee's answers to the questions of a stay interview, in their own words. Free text: encrypted at rest
 * with the school's key and never published. Any answer may be left empty.
 */
public record Answers(String lookingForwardTo, String learning, String whyStay, String lastThoughtOfLeaving,
        String whatWouldMakeTheJobBetter) {

    public static final int MAX_LENGTH = 4000;

    public static Answers none() {
        return new Answers(null, null, null, null, null);
    }

    void check() {
        for (String answer : new String[] {lookingForwardTo, learning, whyStay, lastThoughtOfLeaving,
                whatWouldMakeTheJobBetter}) {
            if (answer != null && answer.length() > MAX_LENGTH) {
                throw new InvalidRequest("An answer has at most " + MAX_LENGTH + " characters");
            }
        }
    }
}
