package nl.instroom.mentoring.pair.application;

import nl.instroom.chassis.privacy.PersonalDataEraser;
import nl.instroom.events.privacy.SubjectKind;
import nl.instroom.mentoring.matching.domain.MatchingRuns;
import nl.instroom.mentoring.pair.domain.Pairs;
import nl.instroom.mentoring.vault.domain.TextVault;
import org.springframework.stereotype.Component;

/**
 * Forgets a participant in pairs and matching runs (their reference becomes {@code erased}; goals and their feedback
 * text go) and shreds their text key, so what they wrote is unreadable in any backup too.
 */
@Component
class PairEraser implements PersonalDataEraser {

    private final Pairs pairs;
    private final MatchingRuns runs;
    private final TextVault vault;

    PairEraser(Pairs pairs, MatchingRuns runs, TextVault vault) {
        this.pairs = pairs;
        this.runs = runs;
        this.vault = vault;
    }

    @Override
    public int erase(SubjectKind kind, String subjectRef) {
        return pairs.forget(subjectRef) + runs.forget(subjectRef) + vault.shred(subjectRef);
    }
}
