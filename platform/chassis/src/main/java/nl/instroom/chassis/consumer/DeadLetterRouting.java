package nl.instroom.chassis.consumer;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.BiFunction;
import nl.instroom.chassis.events.UndecodableEventException;
import nl.instroom.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * What happens when handling a record fails, for every consumer binding. Retries and dead-lettering live in the
 * listener container, not the binding, so that each retry is a fresh poll and no wait ever approaches
 * {@code max.poll.interval.ms} (no rebalance storms):
 * <ul>
 * <li>a record that can never be decoded goes to {@code <topic>.<group>.dlq} at once;</li>
 * <li>a transient failure (store unreachable) is retried with a backoff capped at {@code transientMaxInterval},
 * without end and without committing the offset, so processing resumes where it stopped once the store is back;</li>
 * <li>any other failure is retried {@code attempts} times, then parked.</li>
 * </ul>
 * Parked records keep their original headers; the recoverer adds Spring Kafka's {@code kafka_dlt-*} headers
 * (original topic, partition, offset, exception) and this class adds {@code x-instroom-error-class} and
 * {@code x-instroom-error-message} with the failure as the service raised it (not the framework's wrappers).
 */
public class DeadLetterRouting implements ListenerContainerWithDlqAndRetryCustomizer {

    public static final String ERROR_CLASS = "x-instroom-error-class";
    public static final String ERROR_MESSAGE = "x-instroom-error-message";

    private final KafkaTemplate<byte[], byte[]> deadLetters;
    private final MeterRegistry meters;
    private final int attempts;
    private final Duration retryInterval;
    private final Duration transientMaxInterval;

    public DeadLetterRouting(KafkaTemplate<byte[], byte[]> deadLetters, MeterRegistry meters, int attempts,
            Duration retryInterval, Duration transientMaxInterval) {
        this.deadLetters = deadLetters;
        this.meters = meters;
        this.attempts = attempts;
        this.retryInterval = retryInterval;
        this.transientMaxInterval = transientMaxInterval;
    }

    @Override
    public boolean retryAndDlqInBinding(String destinationName, String group) {
        return false;
    }

    @Override
    public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName, String group,
            BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver, BackOff backOff) {
        container.setCommonErrorHandler(errorHandler(destinationName, group));
    }

    DefaultErrorHandler errorHandler(String topic, String group) {
        String deadLetterTopic = Topics.deadLetterTopic(topic, group);
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(deadLetters,
                (record, failure) -> new TopicPartition(deadLetterTopic, -1));
        recoverer.setHeadersFunction((record, failure) -> {
            Throwable root = TransientFailures.serviceCause(failure);
            RecordHeaders headers = new RecordHeaders();
            headers.add(ERROR_CLASS, root.getClass().getName().getBytes(StandardCharsets.UTF_8));
            headers.add(ERROR_MESSAGE, String.valueOf(root.getMessage()).getBytes(StandardCharsets.UTF_8));
            meters.counter("instroom.events.dead_lettered", "topic", topic, "group", group,
                    "exception", root.getClass().getSimpleName()).increment();
            return headers;
        });
        FixedBackOff bounded = new FixedBackOff(retryInterval.toMillis(), Math.max(0, attempts - 1));
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, bounded);
        ExponentialBackOff untilItWorks = new ExponentialBackOff(200, 2.0);
        untilItWorks.setMaxInterval(transientMaxInterval.toMillis());
        handler.setBackOffFunction((record, failure) -> TransientFailures.isTransient(failure) ? untilItWorks : null);
        handler.addNotRetryableExceptions(UndecodableEventException.class);
        handler.setCommitRecovered(true);
        return handler;
    }
}
