package nl.instroom.careeradvice.need.messaging;

import java.util.List;
import java.util.function.Consumer;
import nl.instroom.careeradvice.need.application.NeedProjection;
import nl.instroom.chassis.consumer.EventConsumers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Bindings {@code schoolEvents-in-0} ({@code needmap.schools.v1}) and {@code needEvents-in-0}
 * ({@code needmap.need.v2}), group {@code career-advice}. Retries and dead letters are the chassis'.
 */
@Configuration
class NeedEventBindings {

    @Bean
    Consumer<Message<List<byte[]>>> schoolEvents(EventConsumers consumers, NeedProjection projection) {
        return consumers.batch("schoolEvents", projection::apply);
    }

    @Bean
    Consumer<Message<List<byte[]>>> needEvents(EventConsumers consumers, NeedProjection projection) {
        return consumers.batch("needEvents", projection::apply);
    }
}
