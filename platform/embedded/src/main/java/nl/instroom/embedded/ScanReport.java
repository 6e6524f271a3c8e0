package nl.instroom.embedded;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A diagnostic for performance work, off unless {@code -Dinstroom.store.report-scans=true}: names each kind of
 * query that no index serves and that therefore reads its whole collection — once per collection and filter shape
 * (the field names and operators, never the values, which may be personal data).
 */
final class ScanReport {

    static final boolean ENABLED = Boolean.getBoolean("instroom.store.report-scans");
    private static final Logger log = LoggerFactory.getLogger(ScanReport.class);
    private static final Set<String> REPORTED = ConcurrentHashMap.newKeySet();

    private ScanReport() {
    }

    static void check(Function<String, MongoDatabase> databases, String database, String command, Document query) {
        String name = command.toLowerCase(Locale.ROOT);
        List<Document> filters = new ArrayList<>();
        switch (name) {
            case "find", "count" -> filters.add(document(query.get("filter"), query.get("query")));
            case "update" -> each(query.get("updates"), "q", filters);
            case "delete" -> each(query.get("deletes"), "q", filters);
            case "findandmodify" -> filters.add(document(query.get("query"), null));
            default -> {
                return;
            }
        }
        Object collectionName = query.get(command);
        if (!(collectionName instanceof String collection)) {
            return;
        }
        MongoCollection<?> target = databases.apply(database).resolveCollection(collection, false);
        if (target == null) {
            return;
        }
        for (Document filter : filters) {
            if (filter == null || filter.isEmpty() || served(target.getIndexes(), filter)) {
                continue;
            }
            String shape = database + "." + collection + " " + shape(filter);
            if (REPORTED.add(shape)) {
                log.warn("Full scan: {} ({} documents)", shape, target.count());
            }
        }
    }

    private static boolean served(List<? extends Index<?>> indexes, Document filter) {
        return indexes.stream().anyMatch(index -> index.canHandle(filter));
    }

    private static void each(Object statements, String key, List<Document> filters) {
        if (statements instanceof List<?> list) {
            list.forEach(statement -> {
                if (statement instanceof Document document && document.get(key) instanceof Document filter) {
                    filters.add(filter);
                }
            });
        }
    }

    private static Document document(Object first, Object second) {
        return first instanceof Document d ? d : second instanceof Document d2 ? d2 : null;
    }

    private static String shape(Object value) {
        if (value instanceof Document document) {
            List<String> parts = new ArrayList<>();
            document.forEach((key, inner) -> parts.add(key.startsWith("$") || inner instanceof Document
                    || inner instanceof List ? key + ":" + shape(inner) : key));
            return "{" + String.join(", ", parts) + "}";
        }
        if (value instanceof List<?> list) {
            List<String> parts = new ArrayList<>();
            list.forEach(element -> parts.add(shape(element)));
            return "[" + String.join(", ", parts) + "]";
        }
        return "…";
    }
}
