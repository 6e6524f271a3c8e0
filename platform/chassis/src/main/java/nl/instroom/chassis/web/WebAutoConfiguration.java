package nl.instroom.chassis.web;

import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import nl.instroom.chassis.ChassisAutoConfiguration;
import nl.instroom.chassis.ChassisProperties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The HTTP side every service shares: errors as problem+json, the per-caller write limit, the request size limit. */
@AutoConfiguration(after = ChassisAutoConfiguration.class)
@Import(ProblemResponses.class)
public class WebAutoConfiguration {

    @Bean
    WebMvcConfigurer writeRateLimit(RateLimiterRegistry rateLimiters, ChassisProperties properties) {
        WriteRateLimit limit = new WriteRateLimit(rateLimiters, properties.writesPerCaller(),
                properties.writePeriod());
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(limit).addPathPatterns("/**").excludePathPatterns("/actuator/**");
            }
        };
    }

    @Bean
    FilterRegistrationBean<RequestSizeLimit> requestSizeLimit(ChassisProperties properties) {
        FilterRegistrationBean<RequestSizeLimit> registration = new FilterRegistrationBean<>(
                new RequestSizeLimit(properties.maxRequestSize().toBytes(), properties.maxImportSize().toBytes()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
