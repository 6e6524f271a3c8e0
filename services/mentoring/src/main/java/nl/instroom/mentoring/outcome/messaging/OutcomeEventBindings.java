package nl.instroom.mentoring.outcome.messaging;

import java.util.List;
import java.util.function.Consumer;
import nl.instroom.chassis.consumer.EventConsumers;
import nl.instroom.mentoring.outcome.application.LinkedLeaderFacts;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Bindings {@code staySignals-in-0} ({@code stay.signals.v1}: which schools take part), {@code staffDepartures-in-0}
 * ({@code stay.departures.v1}: leaving months) and {@code talentEvents-in-0} ({@code scouting.talent.v1}: talents
 * of kind STAFF and ambassador nominations), group {@code mentoring}. Other events on those topics are ignored.
 */
@Configuration
class OutcomeEventBindings {

    @Bean
    Consumer<Message<List<byte[]>>> staySignals(EventConsumers consumers, LinkedLeaderFacts facts) {
        return consumers.batch("staySignals", facts::staySignals);
    }

    @Bean
    Consumer<Message<List<byte[]>>> staffDepartures(EventConsumers consumers, LinkedLeaderFacts facts) {
        return consumers.of("staffDepartures", facts::departure);
    }

    @Bean
    Consumer<Message<List<byte[]>>> talentEvents(EventConsumers consumers, LinkedLeaderFacts facts) {
        return consumers.of("talentEvents", facts::talent);
    }
}
