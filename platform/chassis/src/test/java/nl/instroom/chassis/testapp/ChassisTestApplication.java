package nl.instroom.chassis.testapp;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import nl.instroom.chassis.consumer.EventConsumers;
import nl.instroom.chassis.consumer.IdempotentWrites;
import nl.instroom.chassis.outbox.Outbox;
import nl.instroom.chassis.outbox.OutboxDocuments;
import nl.instroom.chassis.outbox.PendingEvents;
import nl.instroom.chassis.security.AccessRules;
import nl.instroom.chassis.security.EndpointRule;
import nl.instroom.chassis.security.Role;
import nl.instroom.events.needmap.Urgency;
import nl.instroom.events.needmap.VacancyFilled;
import nl.instroom.events.needmap.VacancyOpened;
import org.bson.Document;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpMethod;
import org.springframework.messaging.Message;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The smallest service the chassis can serve: writes that cause events (through the outbox) and a consumer that
 * counts what it applied, so a test sees every lost, doubled or stale effect.
 */
@SpringBootApplication
public class ChassisTestApplication {

    public static final String SEEN = "seen_vacancies";

    @RestController
    static class Vacancies {

        static final String COLLECTION = "vacancies";

        private final MongoTemplate mongo;
        private final PendingEvents pendingEvents;
        private final Outbox outbox;

        Vacancies(MongoTemplate mongo, PendingEvents pendingEvents, Outbox outbox) {
            this.mongo = mongo;
            this.pendingEvents = pendingEvents;
            this.outbox = outbox;
            outbox.declare(COLLECTION);
        }

        /** Opens a vacancy: its state and its event in one document write. */
        @PostMapping("/test/schools/{schoolCode}/vacancies")
        String open(@PathVariable String schoolCode) {
            String id = UUID.randomUUID().toString();
            VacancyOpened opened = new VacancyOpened(id, schoolCode, "wiskunde", BigDecimal.ONE, 40,
                    LocalDate.of(2027, 1, 1), Urgency.NORMAL, 1);
            Document document = new Document("_id", id).append("schoolCode", schoolCode);
            document.put(PendingEvents.FIELD, OutboxDocuments.of(mongo.getConverter(),
                    pendingEvents.append(List.of(), List.of(opened))));
            mongo.insert(document, COLLECTION);
            outbox.written(COLLECTION, id, 1);
            return id;
        }
    }

    @Bean
    AccessRules accessRules() {
        return () -> EndpointRule.rules(EndpointRule.allow(HttpMethod.POST, "/test/schools/{schoolCode}/vacancies",
                Role.COORDINATOR));
    }

    /** Counts applied effects per vacancy; duplicates and stale revisions must not count. */
    @Bean
    Consumer<Message<List<byte[]>>> vacancyEvents(EventConsumers consumers, IdempotentWrites writes) {
        return consumers.of("vacancyEvents", received -> {
            if (received.data() instanceof VacancyOpened opened) {
                return writes.applyOnce(SEEN, opened.vacancyId(), received.id(), opened.revision(),
                        new Update().inc("applied", 1).set("schoolCode", opened.schoolCode()).set("open", true));
            }
            if (received.data() instanceof VacancyFilled filled) {
                return writes.applyOnce(SEEN, filled.vacancyId(), received.id(), filled.revision(),
                        new Update().inc("applied", 1).set("schoolCode", filled.schoolCode()).set("open", false));
            }
            return false;
        });
    }
}
