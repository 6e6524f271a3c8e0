package nl.instroom.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives the annotated test class a real Kafka broker and MongoDB-compatible store, shared by all tests in the
 * JVM, and points Spring Boot at them ({@code spring.kafka.bootstrap-servers},
 * {@code spring.cloud.stream.kafka.binder.brokers}, {@code spring.mongodb.uri}). Put it above
 * {@code @SpringBootTest} so the infrastructure runs before the application context starts.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(InfrastructureExtension.class)
public @interface InstroomInfrastructure {

    InfrastructureMode mode() default InfrastructureMode.AUTO;
}
