package nl.instroom.chassis.observability;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import java.util.function.Supplier;

/**
 * The current trace context as a W3C {@code traceparent} value, so an event stored in the outbox can carry the
 * trace of the request that caused it to its consumers.
 */
public final class TraceContexts {

    private TraceContexts() {
    }

    public static Supplier<String> currentTraceparent(Tracer tracer) {
        return () -> {
            Span span = tracer == null ? null : tracer.currentSpan();
            if (span == null) {
                return null;
            }
            TraceContext context = span.context();
            return "00-" + context.traceId() + "-" + context.spanId() + "-"
                    + (Boolean.TRUE.equals(context.sampled()) ? "01" : "00");
        };
    }
}
