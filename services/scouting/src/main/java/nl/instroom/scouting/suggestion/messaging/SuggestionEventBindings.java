package nl.instroom.scouting.suggestion.messaging;

import java.util.List;
import java.util.function.Consumer;
import nl.instroom.chassis.consumer.EventConsumers;
import nl.instroom.scouting.suggestion.application.StaffRemovals;
import nl.instroom.scouting.suggestion.application.SuggestionInbox;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Bindings {@code placementEvents-in-0} ({@code tutoring.placements.v1}) and {@code staySignals-in-0}
 * ({@code stay.signals.v1}, where a removed employee's reference is also withdrawn), group {@code scouting}. Other
 * events on those topics are ignored.
 */
@Configuration
class SuggestionEventBindings {

    @Bean
    Consumer<Message<List<byte[]>>> placementEvents(EventConsumers consumers, SuggestionInbox inbox) {
        return consumers.of("placementEvents", inbox::offer);
    }

    @Bean
    Consumer<Message<List<byte[]>>> staySignals(EventConsumers consumers, SuggestionInbox inbox,
            StaffRemovals removals) {
        return consumers.of("staySignals", received -> removals.forget(received) || inbox.offer(received));
    }
}
