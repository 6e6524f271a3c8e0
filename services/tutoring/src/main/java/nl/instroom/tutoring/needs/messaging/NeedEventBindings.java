package nl.instroom.tutoring.needs.messaging;

import java.util.function.Consumer;
import nl.instroom.chassis.events.EventCodec;
import nl.instroom.tutoring.needs.application.VacancyProjection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Consumes {@code needmap.vacancies.v1} (binding {@code vacancyEvents-in-0}). Undecodable records throw
 * {@link nl.instroom.chassis.events.UndecodableEventException}, which the binding sends to the dead-letter topic
 * without retrying; other failures are retried first.
 */
@Configuration
class NeedEventBindings {

    @Bean
    Consumer<Message<byte[]>> vacancyEvents(EventCodec codec, VacancyProjection projection) {
        return message -> projection.apply(codec.decode(message.getHeaders(), message.getPayload()).data());
    }
}
