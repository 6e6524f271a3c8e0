package nl.instroom.needmapping.referral.messaging;

import java.util.List;
import java.util.function.Consumer;
import nl.instroom.chassis.consumer.EventConsumers;
import nl.instroom.needmapping.referral.application.PurgedCases;
import nl.instroom.needmapping.referral.application.ReferralProjection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Bindings {@code adviceReferrals-in-0} ({@code advice.referrals.v1}) and {@code retentionNotices-in-0}
 * ({@code privacy.retention.v1}: career-advice's purged cases), group {@code need-mapping}. Decoding, retries, dead
 * letters, duplicates and the erasure ledger are the chassis'; both are rare, so one event at a time.
 */
@Configuration
class ReferralBindings {

    @Bean
    Consumer<Message<List<byte[]>>> adviceReferrals(EventConsumers consumers, ReferralProjection projection) {
        return consumers.of("adviceReferrals", projection::apply);
    }

    @Bean
    Consumer<Message<List<byte[]>>> retentionNotices(EventConsumers consumers, PurgedCases purged) {
        return consumers.of("retentionNotices", purged::forget);
    }
}
