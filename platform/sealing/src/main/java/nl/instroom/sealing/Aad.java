package nl.instroom.sealing;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The additional authenticated data of a sealed value or a wrapped key: what it is bound to. GCM authenticates it
 * with the ciphertext, so a value copied to another record, person or field does not open there.
 */
public final class Aad {

    private Aad() {
    }

    /**
     * The parts, each preceded by its length in bytes, so that no choice of parts can make two different bindings
     * equal ({@code "a|b","c"} and {@code "a","b|c"} differ). Start with a label naming the format and the kind of
     * thing sealed (e.g. {@code "value-v2"}), so a value can never pass for a key.
     */
    public static byte[] of(String... parts) {
        List<byte[]> encoded = new ArrayList<>(parts.length);
        int size = 0;
        for (String part : parts) {
            byte[] bytes = Objects.requireNonNull(part, "a part of the binding").getBytes(StandardCharsets.UTF_8);
            encoded.add(bytes);
            size += Integer.BYTES + bytes.length;
        }
        ByteBuffer buffer = ByteBuffer.allocate(size);
        encoded.forEach(bytes -> buffer.putInt(bytes.length).put(bytes));
        return buffer.array();
    }
}
