package nl.instroom.needmapping.need.messaging;

import java.util.List;
import java.util.function.Consumer;
import nl.instroom.chassis.consumer.EventConsumers;
import nl.instroom.needmapping.need.application.NeedSignals;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** Bindings {@code staySignals-in-0} (stay.signals.v1) and {@code placementEvents-in-0} (tutoring.placements.v1). */
@Configuration
class NeedSignalBindings {

    @Bean
    Consumer<Message<List<byte[]>>> staySignals(EventConsumers consumers, NeedSignals signals) {
        return consumers.of("staySignals", signals::staySignal);
    }

    @Bean
    Consumer<Message<List<byte[]>>> placementEvents(EventConsumers consumers, NeedSignals signals) {
        return consumers.of("placementEvents", signals::placementSignal);
    }
}
