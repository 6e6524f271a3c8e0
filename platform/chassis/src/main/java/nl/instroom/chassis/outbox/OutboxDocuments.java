package nl.instroom.chassis.outbox;

import java.util.List;
import org.bson.Document;
import org.springframework.data.mongodb.core.convert.MongoConverter;

/**
 * Pending events as BSON, for adapters that write their documents as {@link Document}s rather than mapped
 * classes: the outbox entries come out exactly as the relay reads them.
 */
public final class OutboxDocuments {

    private OutboxDocuments() {
    }

    public static List<Document> of(MongoConverter converter, List<PendingEvent> events) {
        return events.stream().map(event -> {
            Document entry = new Document();
            converter.write(event, entry);
            return entry;
        }).toList();
    }

    public static List<PendingEvent> from(MongoConverter converter, List<Document> entries) {
        return entries.stream().map(entry -> converter.read(PendingEvent.class, entry)).toList();
    }
}
