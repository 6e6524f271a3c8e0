package nl.instroom.chassis.kafka;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives the Spring Cloud Stream Kafka binder the service's {@link KafkaClientSecurity} as
 * {@code spring.cloud.stream.kafka.binder.configuration.*}, which the binder applies to every client it creates
 * (consumers, producers, the admin client that checks the topics, the health check). Added with the lowest
 * precedence, so a service that sets one of those properties itself keeps its own value.
 */
public class KafkaClientSecurityEnvironment implements EnvironmentPostProcessor {

    static final String BINDER_CONFIGURATION = "spring.cloud.stream.kafka.binder.configuration.";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> binder = new LinkedHashMap<>();
        KafkaClientSecurity.from(environment).clientProperties()
                .forEach((key, value) -> binder.put(BINDER_CONFIGURATION + key, value));
        environment.getPropertySources().addLast(new MapPropertySource("instroomKafkaClientSecurity", binder));
    }
}
