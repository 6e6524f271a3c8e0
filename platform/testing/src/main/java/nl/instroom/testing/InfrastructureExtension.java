package nl.instroom.testing;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import org.testcontainers.DockerClientFactory;

/**
 * Starts the infrastructure once per JVM and mode and leaves it running until the JVM exits. It is deliberately not
 * closed when JUnit finishes: Spring closes its cached application contexts only at JVM shutdown, and contexts whose
 * broker vanished first would wait out their Kafka clients' timeouts. Containers are removed by Testcontainers'
 * own reaper; the embedded broker and store end with the JVM.
 */
final class InfrastructureExtension implements ExecutionCondition, BeforeAllCallback, ParameterResolver {

    private static final Map<InfrastructureMode, TestInfrastructure> STARTED = new EnumMap<>(InfrastructureMode.class);

    private static final String NO_DOCKER = "Skipped: this test runs on the apache/kafka and mongo images and "
            + "Docker is not available on this machine (the embedded variant covers the same tests here)";

    /** Reports each test as skipped, with the reason, where containers are demanded and Docker is missing. */
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (context.getTestMethod().isPresent() && containersDemanded(context) && !dockerAvailable()) {
            return ConditionEvaluationResult.disabled(NO_DOCKER);
        }
        return ConditionEvaluationResult.enabled("infrastructure available");
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        UnitLayer.refuseToStart(context.getRequiredTestClass(), "a Kafka broker and a store");
        if (containersDemanded(context) && !dockerAvailable()) {
            return;
        }
        TestInfrastructure infrastructure = infrastructure(context);
        System.setProperty("spring.kafka.bootstrap-servers", infrastructure.kafkaBootstrapServers());
        System.setProperty("spring.cloud.stream.kafka.binder.brokers", infrastructure.kafkaBootstrapServers());
        System.setProperty("spring.mongodb.uri", infrastructure.mongoUri());
        TestTokens tokens = TestTokens.instance();
        System.setProperty("instroom.security.issuer", TestTokens.ISSUER);
        System.setProperty("instroom.security.jwk-set-uri", tokens.jwkSetUri());
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestInfrastructure.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return infrastructure(context);
    }

    private static InfrastructureMode mode(ExtensionContext context) {
        InfrastructureMode requested = AnnotationSupport
                .findAnnotation(context.getRequiredTestClass(), InstroomInfrastructure.class)
                .map(InstroomInfrastructure::mode)
                .orElse(InfrastructureMode.AUTO);
        return InfrastructureMode.resolve(requested);
    }

    private static boolean containersDemanded(ExtensionContext context) {
        return mode(context) == InfrastructureMode.CONTAINERS;
    }

    private static TestInfrastructure infrastructure(ExtensionContext context) {
        InfrastructureMode mode = mode(context);
        boolean docker = mode != InfrastructureMode.EMBEDDED && dockerAvailable();
        InfrastructureMode effective = docker ? InfrastructureMode.CONTAINERS : InfrastructureMode.EMBEDDED;
        synchronized (STARTED) {
            return STARTED.computeIfAbsent(effective, m -> m == InfrastructureMode.CONTAINERS
                    ? new ContainerInfrastructure() : new EmbeddedInfrastructure());
        }
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
