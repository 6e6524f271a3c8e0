package nl.instroom.stayinterviews.staff.domain;

/** The answer to "will you still be working here in twelve months?". */
public enum IntentToStay {
    YES, UNSURE, NO
}
