package nl.instroom.identity.erasure;

import java.util.List;
import java.util.function.Consumer;
import nl.instroom.chassis.consumer.EventConsumers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** Binding {@code erasureAnswers-in-0}: the services' answers on privacy.erasure-answers.v1. */
@Configuration
class ErasureBindings {

    @Bean
    Consumer<Message<List<byte[]>>> erasureAnswers(EventConsumers consumers, ErasureRequests requests) {
        return consumers.of("erasureAnswers", requests::answered);
    }
}
