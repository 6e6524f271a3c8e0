package nl.instroom.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.h2.mvstore.WriteBuffer;
import org.junit.jupiter.api.Test;

/** The store's file format of single values and keys, and their order: the fast paths change neither. */
class BsonValuesTest {

    private static final List<String> TEXTS = List.of("", "21CM00", "vacature-4f1c", "Ĳsselmonde", "leraar 👩‍🏫",
            "\u0000in the middle", "z".repeat(300));

    @Test
    void aStringIdIsWrittenWithExactlyTheBytesOfTheGeneralEncoding() {
        for (String text : TEXTS) {
            WriteBuffer fast = new WriteBuffer();
            BsonValues.writeString(fast, text);
            WriteBuffer general = new WriteBuffer();
            BsonValues.writeBson(general, new Document("v", text));
            assertThat(bytes(fast)).as(text).isEqualTo(bytes(general));
        }
    }

    @Test
    void everyKindOfIdReadsBackAsWritten() {
        List<Object> ids = new ArrayList<>(TEXTS);
        ids.addAll(List.of(42, 42L, 4.5, new ObjectId(), UUID.randomUUID(),
                new Document("brin", "21CM").append("nr", 0), true, Missing.getInstance()));
        for (Object id : ids) {
            WriteBuffer buffer = new WriteBuffer();
            BsonValues.VALUES.write(buffer, id);
            buffer.put((byte) 7); // whatever follows in the page must still be where the reader expects it
            ByteBuffer written = buffer.getBuffer().flip();
            assertThat(BsonValues.VALUES.read(written)).as(String.valueOf(id)).isEqualTo(id);
            assertThat(written.get()).isEqualTo((byte) 7);
        }
    }

    @Test
    void valuesAndKeysAreOrderedAsMongoDbOrdersThem() {
        Random random = new Random(20261128);
        List<Object> values = new ArrayList<>(TEXTS);
        for (int i = 0; i < 50; i++) {
            values.add(Long.toString(random.nextLong(), 36));
            values.add(new ObjectId());
            values.add(new UUID(random.nextLong(), random.nextLong()));
        }
        values.addAll(List.of(new UUID(-1, 0), new UUID(0, -1), new UUID(Long.MIN_VALUE, 1), new UUID(1, 1)));
        values.addAll(List.of(7, 7.5, true, new Document("a", 1)));
        for (Object a : values) {
            for (Object b : values) {
                int expected = Integer.signum(ValueComparator.asc().compare(a, b));
                assertThat(Integer.signum(BsonValues.VALUES.compare(a, b))).as(a + " vs " + b).isEqualTo(expected);
                assertThat(Integer.signum(BsonValues.KEYS.compare(new KeyValue(a, "x"), new KeyValue(b, "x"))))
                        .isEqualTo(expected);
            }
        }
    }

    private static byte[] bytes(WriteBuffer buffer) {
        ByteBuffer written = buffer.getBuffer().flip();
        byte[] bytes = new byte[written.remaining()];
        written.get(bytes);
        return bytes;
    }
}
