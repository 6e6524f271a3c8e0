package nl.instroom.chassis.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * What waits in the outbox, per collection, from the relay's own knowledge (every write that added events tells
 * it; every batch and sweep corrects it) rather than from scanning the store: {@code instroom.outbox.backlog}
 * (pending events), {@code instroom.outbox.oldest.age} (seconds the oldest has waited) and
 * {@code instroom.outbox.parked.count} (events parked since the start, refused by Kafka for good).
 */
final class OutboxBacklog {

    private OutboxBacklog() {
    }

    static void register(MeterRegistry meters, String collection, OutboxRelay relay) {
        Gauge.builder("instroom.outbox.backlog", relay, r -> r.pendingIn(collection))
                .description("Events written but not yet acknowledged by Kafka")
                .tag("collection", collection).register(meters);
        Gauge.builder("instroom.outbox.oldest.age", relay, r -> r.oldestAgeSeconds(collection)).description("Seconds the oldest pending event has waited").baseUnit("seconds")
                .tag("collection", collection).register(meters);
        Gauge.builder("instroom.outbox.parked.count", relay, r -> r.parkedIn(collection))
                .description("Events parked since the start: refused by Kafka for good, kept in outboxParked")
                .tag("collection", collection).register(meters);
    }
}
