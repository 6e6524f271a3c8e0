package nl.instroom.sealing;

import java.util.Objects;

/**
 * A data key as it may be stored: sealed by a master key ({@code wrapped}, base64 of {@code iv || ciphertext+tag})
 * and the id of that master key, which is also part of what the wrapping is bound to.
 */
public record WrappedKey(String masterKeyId, String wrapped) {

    public WrappedKey {
        Objects.requireNonNull(masterKeyId, "masterKeyId");
        Objects.requireNonNull(wrapped, "wrapped");
    }
}
