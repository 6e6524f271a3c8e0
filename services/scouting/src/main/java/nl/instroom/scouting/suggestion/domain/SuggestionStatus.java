package nl.instroom.scouting.suggestion.domain;

/** Where a suggestion stands: waiting for the scout, turned into a flag, set aside, or emptied by an erasure. */
public enum SuggestionStatus {
    OPEN, ACCEPTED, DISMISSED, ERASED
}
