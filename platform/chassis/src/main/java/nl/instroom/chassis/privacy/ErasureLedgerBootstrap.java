package nl.instroom.chassis.privacy;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import nl.instroom.chassis.events.EventCodec;
import nl.instroom.chassis.events.ReceivedEvent;
import nl.instroom.chassis.events.UndecodableEventException;
import nl.instroom.chassis.events.UnknownEventTypeException;
import nl.instroom.events.InstroomEvent;
import nl.instroom.events.Topics;
import nl.instroom.events.privacy.SubjectErasureRequested;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Before any consumer of the service starts, applies every erasure request on privacy.erasure-requests.v1 that this
 * store has not seen yet: records the person in the {@link ErasureLedger} and runs the erasers again
 * ({@link ErasureResponder#forget}). Into an empty store that is every request ever made, so a projection rebuilt by
 * replaying its topics from the beginning drops every event naming an erased person; into a restored backup it is
 * every request since the backup, so the erasures done in between are done again without an operator's step.
 *
 * <p>It reads the topic up to its end as found at start, without a consumer group (no offsets to commit, no group
 * ACL), and stores how far it got with the ledger. Requests arriving later are the {@code erasureEvents} consumer's.
 * Until it has reached the end the service does not start: a service that cannot know whom to forget must not
 * apply anyone's events. It does not answer the requests: the consumer does that, once per request.
 */
public class ErasureLedgerBootstrap implements SmartLifecycle {

    /** Before Spring Cloud Stream's input bindings, which start in phase {@code Integer.MAX_VALUE - 3000}. */
    static final int PHASE = Integer.MAX_VALUE - 4000;

    private static final Logger log = LoggerFactory.getLogger(ErasureLedgerBootstrap.class);

    private final Supplier<Consumer<String, byte[]>> consumers;
    private final EventCodec codec;
    private final ErasureLedger ledger;
    private final ErasureResponder responder;
    private final Duration timeout;
    private volatile boolean running;

    public ErasureLedgerBootstrap(Supplier<Consumer<String, byte[]>> consumers, EventCodec codec, ErasureLedger ledger,
            ErasureResponder responder, Duration timeout) {
        this.consumers = consumers;
        this.codec = codec;
        this.ledger = ledger;
        this.responder = responder;
        this.timeout = timeout;
    }

    @Override
    public void start() {
        int applied = applyUnseenRequests();
        if (applied > 0) {
            log.info("Applied {} erasure requests this store had not seen before consuming", applied);
        }
        running = true;
    }

    /** @return how many requests were applied */
    int applyUnseenRequests() {
        Instant deadline = Instant.now().plus(timeout);
        try (Consumer<String, byte[]> consumer = consumers.get()) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.ERASURE_REQUESTS, timeout).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, timeout);
            Map<Integer, Long> positions = new HashMap<>(ledger.requestPositions());
            for (TopicPartition partition : partitions) {
                Long from = positions.get(partition.partition());
                if (from == null) {
                    consumer.seekToBeginning(List.of(partition));
                } else {
                    consumer.seek(partition, from);
                }
            }
            int applied = 0;
            while (!reached(consumer, partitions, ends)) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("Could not read " + Topics.ERASURE_REQUESTS + " to its end within "
                            + timeout + "; not consuming anything without knowing whom to forget");
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    applied += apply(record) ? 1 : 0;
                    positions.put(record.partition(), record.offset() + 1);
                }
                ledger.requestPositions(positions);
            }
            return applied;
        } catch (TimeoutException e) {
            throw new IllegalStateException("Could not reach " + Topics.ERASURE_REQUESTS + " within " + timeout
                    + "; not consuming anything without knowing whom to forget", e);
        }
    }

    private static boolean reached(Consumer<String, byte[]> consumer, List<TopicPartition> partitions,
            Map<TopicPartition, Long> ends) {
        for (TopicPartition partition : partitions) {
            if (consumer.position(partition) < ends.getOrDefault(partition, 0L)) {
                return false;
            }
        }
        return true;
    }

    private boolean apply(ConsumerRecord<String, byte[]> record) {
        Map<String, Object> headers = new HashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value());
        }
        ReceivedEvent<InstroomEvent> received;
        try {
            received = codec.decode(headers, record.value());
        } catch (UnknownEventTypeException | UndecodableEventException e) {
            // The consumer parks such a record; there is nothing here to apply.
            return false;
        }
        if (!(received.data() instanceof SubjectErasureRequested request)) {
            return false;
        }
        responder.forget(request.subjectKind(), request.subjectRef());
        return true;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
