package nl.instroom.chassis.web;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import nl.instroom.chassis.security.CurrentUser;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Limits writes per caller (Resilience4j rate limiter per token subject, or per address without a token): beyond the limit a write is refused with
 * 429 and {@code Retry-After}, before it touches anything. Reads are not limited here.
 */
public class WriteRateLimit implements HandlerInterceptor {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final RateLimiterRegistry registry;
    private final RateLimiterConfig config;
    private final long retryAfterSeconds;

    public WriteRateLimit(RateLimiterRegistry registry, int writesPerPeriod, Duration period) {
        this.registry = registry;
        this.config = RateLimiterConfig.custom().limitForPeriod(writesPerPeriod).limitRefreshPeriod(period)
                .timeoutDuration(Duration.ZERO).build();
        this.retryAfterSeconds = Math.max(1, (period.toMillis() + 999) / 1000);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws Exception {
        if (!WRITES.contains(request.getMethod())) {
            return true;
        }
        // Anonymous callers (public tools) are told apart by their address, so one cannot use up everyone's writes.
        String caller = CurrentUser.find().map(CurrentUser::subject)
                .orElseGet(() -> "anonymous-" + request.getRemoteAddr());
        RateLimiter limiter = registry.rateLimiter("writes-" + caller, config);
        if (limiter.acquirePermission()) {
            return true;
        }
        response.setStatus(429);
        response.setHeader("Retry-After", String.valueOf(retryAfterSeconds));
        response.setContentType("application/problem+json");
        response.getOutputStream().write(("{\"type\":\"https://instroom.nl/problems/too-many-requests\",\"title\":"
                + "\"Too many requests\",\"status\":429,\"detail\":\"Too many changes in a short time. Try again in "
                + retryAfterSeconds + " s.\"}").getBytes(StandardCharsets.UTF_8));
        return false;
    }
}
