package nl.instroom.embedded;

import de.bwaldvogel.mongo.bson.Document;
import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.Map;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * How the store keeps documents in its file: as BSON, the format MongoDB and the wire protocol use. H2's default
 * serialises them with Java serialization; the profile of the pipeline benchmark showed that, with LZF compression,
 * as over half of the store's CPU, because every commit writes again each page it changed — a leaf of many
 * documents for one changed document. BSON is several times cheaper and needs no class descriptions.
 */
final class BsonDocuments extends BasicDataType<Document> {

    static final BsonDocuments INSTANCE = new BsonDocuments();

    private BsonDocuments() {
    }

    @Override
    public void write(WriteBuffer buffer, Document document) {
        BsonValues.writeBson(buffer, document);
    }

    @Override
    public Document read(ByteBuffer buffer) {
        return BsonValues.readBson(buffer);
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }

    /** A rough size in memory, for the store's page sizes and cache: it samples, it does not need exactness. */
    @Override
    public int getMemory(Document document) {
        return estimate(document);
    }

    private static int estimate(Object value) {
        if (value instanceof Map<?, ?> map) {
            int size = 48;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                size += 32 + 2 * String.valueOf(entry.getKey()).length() + estimate(entry.getValue());
            }
            return size;
        }
        if (value instanceof Collection<?> list) {
            int size = 32;
            for (Object element : list) {
                size += 8 + estimate(element);
            }
            return size;
        }
        if (value instanceof CharSequence text) {
            return 40 + 2 * text.length();
        }
        return 24;
    }
}
