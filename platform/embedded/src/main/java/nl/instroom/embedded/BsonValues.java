package nl.instroom.embedded;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * How the store writes single values ({@code _id}s as the keys of a collection's documents, positions in an index)
 * and index keys ({@link KeyValue}s): as BSON, ordered the way MongoDB orders values. H2's default writes objects
 * it does not know with Java serialization and, for a class that is not {@link Comparable} such as
 * {@code KeyValue}, compares two keys by serialising both — on every step of every lookup in an index.
 */
final class BsonValues {

    /** Single values, such as {@code _id}s. The absent value (a collection without {@code _id}) is a marker byte. */
    static final BasicDataType<Object> VALUES = new BasicDataType<>() {

        private static final byte ABSENT = 0;
        private static final byte PRESENT = 1;

        @Override
        public void write(WriteBuffer buffer, Object value) {
            if (value instanceof Missing) {
                buffer.put(ABSENT);
                return;
            }
            buffer.put(PRESENT);
            writeBson(buffer, new Document("v", value));
        }

        @Override
        public Object read(ByteBuffer buffer) {
            if (buffer.get() == ABSENT) {
                return Missing.getInstance();
            }
            return readBson(buffer).get("v");
        }

        @Override
        public int compare(Object a, Object b) {
            return ValueComparator.asc().compare(a, b);
        }

        @Override
        public int getMemory(Object value) {
            return value instanceof CharSequence text ? 40 + 2 * text.length() : 32;
        }

        @Override
        public Object[] createStorage(int size) {
            return new Object[size];
        }
    };

    /** The keys of an index: one value per indexed field, compared field by field. */
    static final BasicDataType<KeyValue> KEYS = new BasicDataType<>() {

        @Override
        public void write(WriteBuffer buffer, KeyValue key) {
            List<Object> values = new ArrayList<>(key.size());
            key.forEach(values::add);
            writeBson(buffer, new Document("k", values));
        }

        @Override
        public KeyValue read(ByteBuffer buffer) {
            return new KeyValue((List<?>) readBson(buffer).get("k"));
        }

        @Override
        public int compare(KeyValue a, KeyValue b) {
            for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
                int order = ValueComparator.asc().compare(a.get(i), b.get(i));
                if (order != 0) {
                    return order;
                }
            }
            return Integer.compare(a.size(), b.size());
        }

        @Override
        public int getMemory(KeyValue key) {
            return 48 + 32 * key.size();
        }

        @Override
        public KeyValue[] createStorage(int size) {
            return new KeyValue[size];
        }
    };

    private BsonValues() {
    }

    static void writeBson(WriteBuffer buffer, Document document) {
        ByteBuf bson = Unpooled.buffer(128);
        try {
            BsonEncoder.encodeDocument(document, bson);
            buffer.put(bson.nioBuffer());
        } finally {
            bson.release();
        }
    }

    static Document readBson(ByteBuffer buffer) {
        int length = buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN).getInt();
        ByteBuffer slice = buffer.slice();
        slice.limit(length);
        buffer.position(buffer.position() + length);
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(slice));
    }
}
