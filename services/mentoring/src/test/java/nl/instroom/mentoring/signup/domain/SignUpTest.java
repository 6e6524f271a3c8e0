package nl.instroom.mentoring.signup.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import nl.instroom.chassis.refusal.InvalidRequest;
import nl.instroom.chassis.refusal.NotPossibleNow;
import org.junit.jupiter.api.Test;

class SignUpTest {

    private static final LocalDate TODAY = LocalDate.of(2027, 3, 10);

    private static SignUp.Answers leader(boolean consent, Integer capacity, Set<String> notWith) {
        return new SignUp.Answers(Side.SCHOOL_LEADER, "Anke de Vries", "a.devries@example.nl", "PO", "AM36",
                "Stichting Openbaar Onderwijs Zwolle", Map.of(Theme.LEADERSHIP, 3, Theme.FINANCE, 1),
                Set.of(DayPart.MORNING), capacity, notWith, consent);
    }

    @Test
    void withoutConsentNothingIsKept() {
        assertThatThrownBy(() -> SignUp.of("c1", leader(false, null, Set.of()), "fp", null, TODAY, TODAY))
                .isInstanceOf(InvalidRequest.class).hasMessageContaining("consent");
    }

    @Test
    void aSchoolLeaderIsInOnePairAndAnExecutiveInAtMostThree() {
        assertThatThrownBy(() -> SignUp.of("c1", leader(true, 2, Set.of()), "fp", null, TODAY, TODAY))
                .isInstanceOf(InvalidRequest.class);
        SignUp.Answers executive = new SignUp.Answers(Side.EXECUTIVE, "Bram Jansen", "bram@example.com", "Energie",
                "AM36", "Netbeheer Oost", Map.of(Theme.LEADERSHIP, 1), Set.of(), 4, Set.of(), true);
        assertThatThrownBy(() -> SignUp.of("c1", executive, "fp2", null, TODAY, TODAY))
                .isInstanceOf(InvalidRequest.class);
        SignUp.Answers usual = new SignUp.Answers(Side.EXECUTIVE, "Bram Jansen", "bram@example.com", "Energie",
                "AM36", "Netbeheer Oost", Map.of(Theme.LEADERSHIP, 1), Set.of(), null, Set.of(), true);
        assertThat(SignUp.of("c1", usual, "fp2", null, TODAY, TODAY).capacity()).isEqualTo(1);
    }

    @Test
    void theSameAddressInTheSameCohortGetsTheSameIdAndAReturningPersonKeepsTheirReference() {
        SignUp first = SignUp.of("c1", leader(true, null, Set.of()), "fp", null, TODAY, TODAY);
        SignUp again = SignUp.of("c1", leader(true, null, Set.of()), "fp", null, TODAY, TODAY);
        SignUp nextRound = SignUp.of("c2", leader(true, null, Set.of()), "fp", first.participantRef(), TODAY, TODAY);

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(nextRound.id()).isNotEqualTo(first.id());
        assertThat(nextRound.participantRef()).isEqualTo(first.participantRef());
    }

    @Test
    void theOwnSchoolBoardAndTheNamedOrganisationsAreExcludedHoweverTheyAreWritten() {
        SignUp signUp = SignUp.of("c1", leader(true, null, Set.of("Rabobank  Zwolle")), "fp", null, TODAY, TODAY);

        assertThat(signUp.excludes("stichting openbaar onderwijs zwolle")).isTrue();
        assertThat(signUp.excludes("RABOBANK ZWOLLE.")).isTrue();
        assertThat(signUp.excludes("ING")).isFalse();
    }

    @Test
    void aWithdrawnSignUpNoLongerTakesPartAndIsWithdrawnOnce() {
        SignUp signUp = SignUp.of("c1", leader(true, null, Set.of()), "fp", null, TODAY, TODAY);

        signUp.withdraw(TODAY);

        assertThat(signUp.active()).isFalse();
        assertThatThrownBy(() -> signUp.withdraw(TODAY)).isInstanceOf(NotPossibleNow.class);
    }

    private static SignUp.Answers linked(Side side, String staffLink, Boolean consent) {
        return new SignUp.Answers(side, "Anke de Vries", "a.devries@example.nl", "PO", "AM36",
                "Stichting Openbaar Onderwijs Zwolle", Map.of(Theme.LEADERSHIP, 3), Set.of(DayPart.MORNING),
                side == Side.SCHOOL_LEADER ? null : 1, Set.of(), true, null, staffLink, consent);
    }

    @Test
    void aStaffLinkIsKeptOnlyAsItsKeyedHashAndItsSchoolAndOnlyWithItsOwnConsent() {
        SignUp signUp = SignUp.of("c1", linked(Side.SCHOOL_LEADER, " 21CM00:T-0412 ", true), "fp", null, TODAY,
                TODAY, link -> "hmac(" + link + ")");

        assertThat(signUp.staffLink().hash()).isEqualTo("hmac(21CM00:T-0412)");
        assertThat(signUp.staffLink().schoolCode()).isEqualTo("21CM00");
        assertThat(signUp.staffLink().leftIn()).isNull();

        assertThatThrownBy(() -> SignUp.of("c1", linked(Side.SCHOOL_LEADER, "21CM00:T-0412", false), "fp", null,
                TODAY, TODAY, link -> "h")).isInstanceOf(InvalidRequest.class).hasMessageContaining("consent");
        assertThatThrownBy(() -> SignUp.of("c1", linked(Side.SCHOOL_LEADER, null, true), "fp", null, TODAY, TODAY,
                link -> "h")).as("a consent without a link").isInstanceOf(InvalidRequest.class);
        assertThatThrownBy(() -> SignUp.of("c1", linked(Side.EXECUTIVE, "21CM00:T-0412", true), "fp", null, TODAY,
                TODAY, link -> "h")).isInstanceOf(InvalidRequest.class).hasMessageContaining("school leader");
        assertThatThrownBy(() -> SignUp.of("c1", linked(Side.SCHOOL_LEADER, "T-0412", true), "fp", null, TODAY,
                TODAY, link -> "h")).isInstanceOf(InvalidRequest.class).hasMessageContaining("vestigingscode");
        assertThatThrownBy(() -> SignUp.of("c1", linked(Side.SCHOOL_LEADER, "21CM00:123456782", true), "fp", null,
                TODAY, TODAY, link -> "h")).isInstanceOf(InvalidRequest.class).hasMessageContaining("BSN");
        assertThat(SignUp.of("c1", linked(Side.SCHOOL_LEADER, "", null), "fp", null, TODAY, TODAY, link -> "h")
                .staffLink()).as("no link, no consent: nothing").isNull();
    }
}
