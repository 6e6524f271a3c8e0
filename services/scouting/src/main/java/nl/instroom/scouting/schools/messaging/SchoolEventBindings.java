package nl.instroom.scouting.schools.messaging;

import java.util.List;
import java.util.function.Consumer;
import nl.instroom.chassis.consumer.EventConsumers;
import nl.instroom.scouting.schools.application.SchoolProjection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Bindings {@code schoolEvents-in-0} ({@code needmap.schools.v1}) and {@code needEvents-in-0}
 * ({@code needmap.need.v2}), group {@code scouting}. Retries and dead letters are the chassis'.
 */
@Configuration
class SchoolEventBindings {

    @Bean
    Consumer<Message<List<byte[]>>> schoolEvents(EventConsumers consumers, SchoolProjection projection) {
        return consumers.batch("schoolEvents", projection::apply);
    }

    @Bean
    Consumer<Message<List<byte[]>>> needEvents(EventConsumers consumers, SchoolProjection projection) {
        return consumers.batch("needEvents", projection::apply);
    }
}
