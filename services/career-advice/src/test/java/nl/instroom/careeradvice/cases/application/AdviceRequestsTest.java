package nl.instroom.careeradvice.cases.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import nl.instroom.careeradvice.agenda.domain.Slot;
import nl.instroom.careeradvice.cases.domain.AdviceCase;
import nl.instroom.chassis.audit.RecordedAuditTrail;
import nl.instroom.chassis.privacy.StoreDigestsInMemory;
import nl.instroom.chassis.refusal.InvalidRequest;
import nl.instroom.chassis.refusal.NotPossibleNow;
import org.junit.jupiter.api.Test;

/**
 * A person asking for a conversation, against in-memory cases, slots and figures: no Spring, no store. Of two people
 * asking for one slot exactly one gets it; a refused or failed request keeps nothing and books nothing; a returning
 * address finds its case. The route finder is not given: these requests come without a route session (the route
 * finder has its own {@code RouteFinderTest}).
 */
class AdviceRequestsTest {

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final RecordedAuditTrail audit = new RecordedAuditTrail(clock);
    private final InMemoryCases cases = new InMemoryCases();
    private final InMemorySlots slots = new InMemorySlots();
    private final CountedDeskFigures figures = new CountedDeskFigures();
    private final StoreDigestsInMemory digests = new StoreDigestsInMemory();
    private final AdviceRequests requests = new AdviceRequests(cases, slots, digests, null, audit, clock,
            new Counting(figures, clock));
    private int published;

    @Test
    void ofTwoPeopleAskingForTheSameSlotOneGetsItAndNothingOfTheOtherIsKept() {
        Slot slot = aFreeSlotTomorrow("slot-1");

        AdviceRequests.Booked booked = requests.ask(aQuestionFrom("anna@example.nl", slot.id(), true));
        assertThatThrownBy(() -> requests.ask(aQuestionFrom("bas@example.nl", slot.id(), true)))
                .isInstanceOf(NotPossibleNow.class).hasMessageContaining("just been booked");

        assertThat(booked.start()).isEqualTo(slot.start());
        assertThat(cases.count()).isEqualTo(1);
        assertThat(cases.findByEmailDigest(requests.digestOf("bas@example.nl"))).isEmpty();
        String anna = cases.findByEmailDigest(requests.digestOf("anna@example.nl")).orElseThrow().id();
        assertThat(slots.find(slot.id()).orElseThrow().caseId()).isEqualTo(anna);
        assertThat(figures.raised()).containsExactly("requested 2026-11 new case");
    }

    @Test
    void aReturningAddressAsksAgainInItsOwnCaseHoweverItIsWritten() {
        requests.ask(aQuestionFrom("carla@example.nl", aFreeSlotTomorrow("slot-2").id(), true));

        requests.ask(aQuestionFrom("  Carla@Example.NL ", aFreeSlotTomorrow("slot-3").id(), true));

        assertThat(cases.count()).isEqualTo(1);
        AdviceCase advice = cases.findByEmailDigest(requests.digestOf("carla@example.nl")).orElseThrow();
        assertThat(advice.requests()).hasSize(2);
        assertThat(slots.ofCase(advice.id())).extracting(Slot::id).containsExactly("slot-2", "slot-3");
        assertThat(audit.actionsOn(advice.id())).containsExactly("OPENED_CASE", "REQUESTED_ADVICE_AGAIN");
        assertThat(figures.raised()).containsExactly("requested 2026-11 new case", "requested 2026-11 returning");
    }

    @Test
    void withoutConsentNothingIsKeptAndTheSlotStaysFree() {
        Slot slot = aFreeSlotTomorrow("slot-4");

        assertThatThrownBy(() -> requests.ask(aQuestionFrom("dirk@example.nl", slot.id(), false)))
                .isInstanceOf(InvalidRequest.class);

        assertThat(cases.count()).isZero();
        assertThat(slots.find(slot.id()).orElseThrow().status()).isEqualTo(Slot.Status.FREE);
        assertThat(audit.entries()).isEmpty();
        assertThat(figures.raised()).isEmpty();
    }

    @Test
    void whenTheCaseCannotBeSavedTheSlotIsFreeAgainAndNoCaseIsLeft() {
        Slot slot = aFreeSlotTomorrow("slot-5");
        cases.failNextSave();

        assertThatThrownBy(() -> requests.ask(aQuestionFrom("eva@example.nl", slot.id(), true)))
                .hasMessageContaining("unreachable");

        assertThat(slots.find(slot.id()).orElseThrow().status()).isEqualTo(Slot.Status.FREE);
        assertThat(cases.count()).isZero();
        assertThat(figures.raised()).isEmpty();
        assertThat(requests.ask(aQuestionFrom("eva@example.nl", slot.id(), true)).start()).as("asking again works")
                .isEqualTo(slot.start());
    }

    /** A free slot of an adviser tomorrow, each one an hour after the one published before. */
    private Slot aFreeSlotTomorrow(String id) {
        Slot slot = Slot.publish(id, "adviseur-1", NOW.plus(Duration.ofDays(1)).plus(Duration.ofHours(++published)),
                Duration.ofMinutes(30), NOW);
        slots.add(slot);
        return slot;
    }

    private static AdviceRequests.AskForAdvice aQuestionFrom(String email, String slotId, boolean consent) {
        return new AdviceRequests.AskForAdvice("Iemand", email, "Hoe word ik leraar natuurkunde?", consent, 12, slotId,
                null, null);
    }
}
