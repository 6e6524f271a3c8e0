package nl.instroom.chassis.consumer;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import nl.instroom.chassis.events.EventCodec;
import nl.instroom.chassis.privacy.ErasureLedger;
import nl.instroom.chassis.events.ReceivedEvent;
import nl.instroom.chassis.events.UndecodableEventException;
import nl.instroom.chassis.events.UnknownEventTypeException;
import nl.instroom.events.InstroomEvent;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;

/**
 * Builds the Spring Cloud Stream consumers of a service. Every binding receives a poll's records as one batch
 * ({@code batch-mode}, a chassis default) and commits their offsets once.
 *
 * <p>Each record is decoded from its CloudEvents headers. A well-formed event of a type this service does not know
 * is counted ({@code instroom.events.skipped}) and skipped: a producer may be deployed with a new type first. A
 * record that can never be decoded (garbage, invalid JSON) ends the batch there: what came before it is handled,
 * and it goes to the dead-letter topic at once. A failure while handling names its record the same way, and
 * {@link DeadLetterRouting} retries it (transient failures without end) or parks it, on its own; the records after
 * it are delivered again.
 *
 * <p>An event naming a person in the service's {@link ErasureLedger} is skipped before any handler sees it
 * ({@code instroom.events.skipped} with reason erased-person).
 *
 * <p>Outcomes are counted per consumer and event type ({@code instroom.events.consumed} with outcome applied or
 * ignored, {@code instroom.events.failed}); handling a batch is timed ({@code instroom.events.handling}).
 */
public class EventConsumers {

    private final EventCodec codec;
    private final MeterRegistry meters;
    private final ErasureLedger ledger;

    public EventConsumers(EventCodec codec, MeterRegistry meters, ErasureLedger ledger) {
        this.codec = codec;
        this.meters = meters;
        this.ledger = ledger;
    }

    /** A consumer whose handler takes one event at a time (effects that span documents, rare events). */
    public Consumer<Message<List<byte[]>>> of(String consumer, EventHandler handler) {
        return batch(consumer, events -> {
            List<Boolean> applied = new ArrayList<>(events.size());
            for (int i = 0; i < events.size(); i++) {
                try {
                    applied.add(handler.handle(events.get(i)));
                } catch (RuntimeException e) {
                    throw new EventFailedException(i, applied, e);
                }
            }
            return applied;
        });
    }

    /** A consumer whose handler takes the whole batch (projections: one bulk write per poll). */
    @SuppressWarnings("unchecked")
    public Consumer<Message<List<byte[]>>> batch(String consumer, BatchEventHandler handler) {
        return message -> {
            List<byte[]> values = message.getPayload();
            List<Map<String, Object>> headers = message.getHeaders()
                    .get(KafkaHeaders.BATCH_CONVERTED_HEADERS, List.class);
            List<ReceivedEvent<InstroomEvent>> decoded = new ArrayList<>(values.size());
            List<Integer> positions = new ArrayList<>(values.size());
            for (int i = 0; i < values.size(); i++) {
                try {
                    decoded.add(codec.decode(headers == null ? Map.of() : headers.get(i), values.get(i)));
                    positions.add(i);
                } catch (UnknownEventTypeException e) {
                    meters.counter("instroom.events.skipped", "consumer", consumer, "type", e.type(),
                            "reason", "unknown-type").increment();
                } catch (UndecodableEventException e) {
                    meters.counter("instroom.events.failed", "consumer", consumer, "type", "undecodable",
                            "exception", e.getClass().getSimpleName()).increment();
                    handle(consumer, handler, decoded, positions);
                    throw new BatchListenerFailedException(e.getMessage(), e, i);
                }
            }
            handle(consumer, handler, decoded, positions);
        };
    }

    private void handle(String consumer, BatchEventHandler handler, List<ReceivedEvent<InstroomEvent>> decoded,
            List<Integer> decodedPositions) {
        List<ReceivedEvent<InstroomEvent>> events = new ArrayList<>(decoded);
        List<Integer> positions = new ArrayList<>(decodedPositions);
        dropNamingErasedPeople(consumer, events, positions);
        if (events.isEmpty()) {
            return;
        }
        Timer.Sample sample = Timer.start(meters);
        try {
            List<Boolean> applied = handler.handle(events);
            for (int i = 0; i < events.size(); i++) {
                count(consumer, events.get(i), i < applied.size() && Boolean.TRUE.equals(applied.get(i)));
            }
        } catch (EventFailedException e) {
            for (int i = 0; i < e.appliedBefore().size() && i < events.size(); i++) {
                count(consumer, events.get(i), e.appliedBefore().get(i));
            }
            Throwable cause = e.getCause();
            ReceivedEvent<InstroomEvent> failed = events.get(Math.min(e.index(), events.size() - 1));
            meters.counter("instroom.events.failed", "consumer", consumer, "type", failed.type(),
                    "exception", cause.getClass().getSimpleName()).increment();
            throw new BatchListenerFailedException(cause.getMessage(), cause, positions.get(
                    Math.min(e.index(), positions.size() - 1)));
        } catch (RuntimeException e) {
            meters.counter("instroom.events.failed", "consumer", consumer, "type", events.get(0).type(),
                    "exception", e.getClass().getSimpleName()).increment();
            throw new BatchListenerFailedException(e.getMessage(), e, positions.get(0));
        } finally {
            sample.stop(meters.timer("instroom.events.handling", "consumer", consumer));
        }
    }

    /**
     * One rule for every consumer of every service: an event naming a person this service was told to forget is not
     * applied — redelivered, replayed into an empty store, or published before the erasure reached its producer.
     */
    private void dropNamingErasedPeople(String consumer, List<ReceivedEvent<InstroomEvent>> events,
            List<Integer> positions) {
        List<Integer> erased = ledger.erasedAmong(events.stream().map(event -> event.data().personRefs()).toList());
        for (int i = erased.size() - 1; i >= 0; i--) {
            int at = erased.get(i);
            meters.counter("instroom.events.skipped", "consumer", consumer, "type", events.get(at).type(),
                    "reason", "erased-person").increment();
            events.remove(at);
            positions.remove(at);
        }
    }

    private void count(String consumer, ReceivedEvent<InstroomEvent> event, boolean applied) {
        meters.counter("instroom.events.consumed", "consumer", consumer, "type", event.type(),
                "outcome", applied ? "applied" : "ignored").increment();
    }
}
