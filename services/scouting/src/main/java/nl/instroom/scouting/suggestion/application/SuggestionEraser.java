package nl.instroom.scouting.suggestion.application;

import nl.instroom.chassis.privacy.PersonalDataEraser;
import nl.instroom.events.privacy.SubjectKind;
import nl.instroom.events.scouting.PersonKind;
import nl.instroom.scouting.suggestion.domain.Suggestions;
import org.springframework.stereotype.Component;

/** Forgets a person's suggestions on an erasure request, so they neither show nor come back on redelivery. */
@Component
class SuggestionEraser implements PersonalDataEraser {

    private final Suggestions suggestions;

    SuggestionEraser(Suggestions suggestions) {
        this.suggestions = suggestions;
    }

    @Override
    public int erase(SubjectKind kind, String subjectRef) {
        return suggestions.anonymise(PersonKind.valueOf(kind.name()), subjectRef);
    }
}
