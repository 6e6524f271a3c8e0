package nl.instroom.tutoring.needs.messaging;

import java.util.List;
import java.util.function.Consumer;
import nl.instroom.chassis.consumer.EventConsumers;
import nl.instroom.tutoring.needs.application.SchoolNeedProjection;
import nl.instroom.tutoring.needs.application.VacancyProjection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Consumes {@code needmap.vacancies.v1} (binding {@code vacancyEvents-in-0}, group {@code tutoring}). Retries and
 * dead letters ({@code needmap.vacancies.v1.tutoring.dlq}) are the chassis'.
 */
@Configuration
class NeedEventBindings {

    @Bean
    Consumer<Message<List<byte[]>>> vacancyEvents(EventConsumers consumers, VacancyProjection projection) {
        return consumers.batch("vacancyEvents", projection::apply);
    }

    /** Bindings {@code schoolEvents-in-0} (needmap.schools.v1) and {@code needEvents-in-0} (needmap.need.v2). */
    @Bean
    Consumer<Message<List<byte[]>>> schoolEvents(EventConsumers consumers, SchoolNeedProjection projection) {
        return consumers.batch("schoolEvents", projection::apply);
    }

    @Bean
    Consumer<Message<List<byte[]>>> needEvents(EventConsumers consumers, SchoolNeedProjection projection) {
        return consumers.batch("needEvents", projection::apply);
    }
}
