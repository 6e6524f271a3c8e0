package nl.instroom.careeradvice.cases.application;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import nl.instroom.careeradvice.agenda.domain.Slot;
import nl.instroom.careeradvice.agenda.domain.Slots;
import nl.instroom.careeradvice.cases.domain.AdviceCase;
import nl.instroom.careeradvice.cases.domain.Cases;
import nl.instroom.careeradvice.routes.application.RouteFinder;
import nl.instroom.chassis.audit.AuditTrail;
import nl.instroom.chassis.privacy.StoreDigests;
import nl.instroom.chassis.refusal.NotPossibleNow;
import nl.instroom.chassis.web.NotFoundException;
import org.springframework.stereotype.Service;

/**
 * A person asks for a conversation, without signing in: the minimum (name, e-mail address, what they want to know),
 * explicit consent, a retention period, and a free slot. The slot is booked first, in one conditional write, so of
 * any number of people asking for the same slot exactly one gets it and the others a 409 — and nothing of theirs
 * is stored. A returning e-mail address (recognised by its keyed digest) finds the existing case.
 *
 * <p>The answer names the booked time only: not the case, and not whether the address was known before — anyone can
 * send any address here.
 */
@Service
public class AdviceRequests {

    /** What the person sends. */
    public record AskForAdvice(String name, String email, String question, boolean consent, int retentionMonths,
            String slotId, AdviceCase.Profile profile, String routeSessionId) {
    }

    /** What the person is told: the booked slot. */
    public record Booked(String bookingReference, Instant start, Instant end) {
    }

    static final String REQUESTER = "requester";

    private final Cases cases;
    private final Slots slots;
    private final StoreDigests digests;
    private final RouteFinder routeFinder;
    private final AuditTrail audit;
    private final Clock clock;
    private final Counting counting;

    AdviceRequests(Cases cases, Slots slots, StoreDigests digests, RouteFinder routeFinder, AuditTrail audit,
            Clock clock, Counting counting) {
        this.counting = counting;
        this.cases = cases;
        this.slots = slots;
        this.digests = digests;
        this.routeFinder = routeFinder;
        this.audit = audit;
        this.clock = clock;
    }

    /** The keyed digest an e-mail address is recognised by (trimmed, lower case). */
    String digestOf(String email) {
        return digests.of("advice-email:" + email.strip().toLowerCase(Locale.ROOT));
    }

    public Booked ask(AskForAdvice ask) {
        Instant now = clock.instant();
        Map<String, String> routeAnswers = ask.routeSessionId() == null ? Map.of()
                : routeFinder.answersOf(ask.routeSessionId());
        AdviceCase.Request request = new AdviceCase.Request(now, ask.question().strip(), ask.slotId(), routeAnswers);
        String digest = digestOf(ask.email());
        AdviceCase advice = cases.findByEmailDigest(digest).orElse(null);
        boolean returning = advice != null;
        Slot slot = slots.find(ask.slotId()).orElseThrow(() -> new NotFoundException("Slot", ask.slotId()));
        // Checked before the booking, so a refused request books nothing.
        if (returning) {
            advice.askAgain(ask.consent(), ask.retentionMonths(), request, ask.profile(), slot.advisorRef(), now);
        } else {
            advice = AdviceCase.open(UUID.randomUUID().toString(), digest, ask.name(), ask.email(), ask.consent(),
                    ask.retentionMonths(), request, ask.profile(), slot.advisorRef(), now);
        }
        switch (slots.book(ask.slotId(), advice.id(), now)) {
            case BOOKED -> { }
            case TAKEN -> throw new NotPossibleNow("This slot has just been booked by someone else; choose another");
            case UNKNOWN -> throw new NotFoundException("Slot", ask.slotId());
            default -> throw new IllegalStateException();
        }
        try {
            cases.save(advice);
        } catch (RuntimeException e) {
            slots.release(ask.slotId(), advice.id());
            if (!returning) {
                cases.erase(advice.id());
            }
            throw e;
        }
        audit.recordAs(REQUESTER, returning ? "REQUESTED_ADVICE_AGAIN" : "OPENED_CASE", advice.id());
        counting.requested(!returning);
        return new Booked(slot.id(), slot.start(), slot.end());
    }
}
