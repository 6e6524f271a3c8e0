package nl.instroom.embedded;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
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
            if (value instanceof String text) {
                writeString(buffer, text);
                return;
            }
            writeBson(buffer, new Document("v", value));
        }

        @Override
        public Object read(ByteBuffer buffer) {
            if (buffer.get() == ABSENT) {
                return Missing.getInstance();
            }
            String text = readString(buffer);
            return text != null ? text : readBson(buffer).get("v");
        }

        @Override
        public int compare(Object a, Object b) {
            return BsonValues.compare(a, b);
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
                int order = BsonValues.compare(a.get(i), b.get(i));
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

    /** BSON's element type of a UTF-8 string, and the field name every single value is written under. */
    private static final byte STRING = 0x02;
    private static final byte[] FIELD = {'v', 0};
    /** The fixed bytes of {@code {v: "…"}}: length, type, field name, string length, its terminator, the end. */
    private static final int STRING_OVERHEAD = 4 + 1 + FIELD.length + 4 + 1 + 1;
    /** A thread's encoding buffer is kept for the next value unless one large document made it grow past this. */
    private static final int KEPT_BUFFER_BYTES = 64 * 1024;
    private static final ThreadLocal<ByteBuf> ENCODING = ThreadLocal.withInitial(() -> Unpooled.buffer(256));

    private BsonValues() {
    }

    /**
     * MongoDB's order of values. Two strings — most {@code _id}s and index keys here —, two ObjectIds and two UUIDs
     * are compared directly: {@link ValueComparator} compares them the same way, but first finds each value's type rank by
     * walking a list of classes, which the pipeline benchmark's profile showed as a sixteenth of the store's CPU,
     * spent in the binary searches of every page of every lookup.
     */
    static int compare(Object a, Object b) {
        if (a instanceof String x && b instanceof String y) {
            return x.compareTo(y);
        }
        if (a instanceof ObjectId x && b instanceof ObjectId y) {
            return x.compareTo(y);
        }
        if (a instanceof UUID x && b instanceof UUID y) {
            // ValueComparator compares the two texts; fixed-width lower-case hex orders as the unsigned value.
            int high = Long.compareUnsigned(x.getMostSignificantBits(), y.getMostSignificantBits());
            return high != 0 ? high : Long.compareUnsigned(x.getLeastSignificantBits(), y.getLeastSignificantBits());
        }
        return ValueComparator.asc().compare(a, b);
    }

    static void writeBson(WriteBuffer buffer, Document document) {
        // One buffer per thread instead of one per value: every commit writes every document of every page it
        // changed again, and allocating (and growing) a buffer for each showed in the commit's profile.
        ByteBuf bson = ENCODING.get();
        bson.clear();
        try {
            BsonEncoder.encodeDocument(document, bson);
            buffer.put(bson.nioBuffer());
        } finally {
            if (bson.capacity() > KEPT_BUFFER_BYTES) {
                ENCODING.remove();
            }
        }
    }

    /**
     * Writes {@code {v: text}} exactly as {@link BsonEncoder} would (the file format does not change), without
     * building a document and encoding it field by field: {@code _id}s are mostly strings, and each page written
     * by a commit writes each of its keys.
     */
    static void writeString(WriteBuffer buffer, String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        buffer.putInt(Integer.reverseBytes(STRING_OVERHEAD + utf8.length));
        buffer.put(STRING);
        buffer.put(FIELD);
        buffer.putInt(Integer.reverseBytes(utf8.length + 1));
        buffer.put(utf8);
        buffer.put((byte) 0);
        buffer.put((byte) 0);
    }

    /**
     * Reads a value written as {@code {v: "…"}} and moves past it; {@code null}, with the buffer untouched, when the
     * value is of another type (then {@link #readBson} reads it).
     */
    static String readString(ByteBuffer buffer) {
        int start = buffer.position();
        if (buffer.remaining() < STRING_OVERHEAD || buffer.get(start + 4) != STRING
                || buffer.get(start + 5) != FIELD[0] || buffer.get(start + 6) != FIELD[1]) {
            return null;
        }
        int length = Integer.reverseBytes(buffer.getInt(start));
        int textLength = Integer.reverseBytes(buffer.getInt(start + 7)) - 1;
        if (textLength < 0 || length != STRING_OVERHEAD + textLength) {
            return null;
        }
        byte[] utf8 = new byte[textLength];
        buffer.get(start + 11, utf8);
        buffer.position(start + length);
        return new String(utf8, StandardCharsets.UTF_8);
    }

    static Document readBson(ByteBuffer buffer) {
        int length = buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN).getInt();
        ByteBuffer slice = buffer.slice();
        slice.limit(length);
        buffer.position(buffer.position() + length);
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(slice));
    }
}
