package nl.instroom.chassis.consumer;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.function.Consumer;
import nl.instroom.chassis.events.EventCodec;
import nl.instroom.chassis.events.ReceivedEvent;
import nl.instroom.chassis.events.UndecodableEventException;
import nl.instroom.events.InstroomEvent;
import org.springframework.messaging.Message;

/**
 * Builds the Spring Cloud Stream consumers of a service: each record is decoded from its CloudEvents headers and
 * handed to the handler; outcomes are counted per consumer and event type ({@code instroom.events.consumed} with
 * outcome applied or ignored, {@code instroom.events.failed}) and handling is timed
 * ({@code instroom.events.handling}). A failure is rethrown for {@link DeadLetterRouting} to retry or park.
 */
public class EventConsumers {

    private final EventCodec codec;
    private final MeterRegistry meters;

    public EventConsumers(EventCodec codec, MeterRegistry meters) {
        this.codec = codec;
        this.meters = meters;
    }

    public Consumer<Message<byte[]>> of(String consumer, EventHandler handler) {
        return message -> {
            ReceivedEvent<InstroomEvent> event;
            try {
                event = codec.decode(message.getHeaders(), message.getPayload());
            } catch (UndecodableEventException e) {
                meters.counter("instroom.events.failed", "consumer", consumer, "type", "undecodable",
                        "exception", e.getClass().getSimpleName()).increment();
                throw e;
            }
            Timer.Sample sample = Timer.start(meters);
            try {
                boolean applied = handler.handle(event);
                meters.counter("instroom.events.consumed", "consumer", consumer, "type", event.type(),
                        "outcome", applied ? "applied" : "ignored").increment();
            } catch (RuntimeException e) {
                meters.counter("instroom.events.failed", "consumer", consumer, "type", event.type(),
                        "exception", e.getClass().getSimpleName()).increment();
                throw e;
            } finally {
                sample.stop(meters.timer("instroom.events.handling", "consumer", consumer, "type", event.type()));
            }
        };
    }
}
