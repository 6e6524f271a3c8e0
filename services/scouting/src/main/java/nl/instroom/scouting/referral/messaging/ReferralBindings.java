package nl.instroom.scouting.referral.messaging;

import java.util.List;
import java.util.function.Consumer;
import nl.instroom.chassis.consumer.EventConsumers;
import nl.instroom.scouting.referral.application.ReferralProjection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Binding {@code adviceReferrals-in-0} ({@code advice.referrals.v1}, group {@code scouting}). Decoding, retries, dead
 * letters, duplicates and the erasure ledger are the chassis'; referrals are rare, so one event at a time.
 */
@Configuration
class ReferralBindings {

    @Bean
    Consumer<Message<List<byte[]>>> adviceReferrals(EventConsumers consumers, ReferralProjection projection) {
        return consumers.of("adviceReferrals", projection::apply);
    }
}
