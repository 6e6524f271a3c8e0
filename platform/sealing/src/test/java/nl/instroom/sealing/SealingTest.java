package nl.instroom.sealing;

import static nl.instroom.sealing.MasterKeysTest.randomKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;

/**
 * What every service relies on: a sealed value opens only with its key, unchanged, where it was sealed; a data key
 * opens only with the master key it names, in its scope; rotation moves keys to the current master key.
 */
class SealingTest {

    private final MasterKeys keys = MasterKeys.parse("mk-2 " + randomKey() + "\nmk-1 " + randomKey(), "test");

    @Test
    void aValueOpensWithItsKeyAndBinding() {
        SecretKey key = AesGcm.newKey();
        byte[] binding = Aad.of("value-v1", "case-1", "name");

        String sealed = AesGcm.sealText(key, "Anna de Vries", binding);

        assertThat(sealed).doesNotContain("Anna");
        assertThat(AesGcm.openText(key, sealed, Aad.of("value-v1", "case-1", "name"))).contains("Anna de Vries");
        assertThat(AesGcm.sealText(key, "Anna de Vries", binding)).as("a fresh IV per value").isNotEqualTo(sealed);
        assertThat(AesGcm.sealText(key, null, binding)).isNull();
        assertThat(AesGcm.openText(key, null, binding)).isEmpty();
    }

    @Test
    void aTamperedValueIsRefused() {
        SecretKey key = AesGcm.newKey();
        byte[] binding = Aad.of("value-v1", "case-1", "name");
        byte[] sealed = Base64.getDecoder().decode(AesGcm.sealText(key, "Anna de Vries", binding));

        for (int i : new int[] {0, 12, sealed.length - 1}) {
            byte[] changed = sealed.clone();
            changed[i] ^= 1;
            assertThat(AesGcm.openText(key, Base64.getEncoder().encodeToString(changed), binding))
                    .as("byte %d flipped (IV, ciphertext, tag)", i).isEmpty();
        }
        assertThat(AesGcm.openText(key, "not base64 *", binding)).isEmpty();
        assertThat(AesGcm.openText(key, "AAAA", binding)).as("too short").isEmpty();
        assertThat(AesGcm.openText(AesGcm.newKey(), Base64.getEncoder().encodeToString(sealed), binding))
                .as("another key").isEmpty();
    }

    @Test
    void aValueSealedForOnePlaceDoesNotOpenInAnother() {
        SecretKey key = AesGcm.newKey();
        String sealed = AesGcm.sealText(key, "wil blijven", Aad.of("value-v2", "S1", "k", "S1:p1", "i1", "notes"));

        assertThat(AesGcm.openText(key, sealed, Aad.of("value-v2", "S1", "k", "S1:p2", "i1", "notes")))
                .as("another person").isEmpty();
        assertThat(AesGcm.openText(key, sealed, Aad.of("value-v2", "S1", "k", "S1:p1", "i1", "answers.why")))
                .as("another field").isEmpty();
        assertThat(AesGcm.openText(key, sealed, Aad.of("value-v2", "S1", "k", "S1:p1", "i1notes")))
                .as("the same characters, parted otherwise").isEmpty();
    }

    @Test
    void bindingsDifferWhenTheirPartsDoEvenIfTheirCharactersAreTheSame() {
        assertThat(Aad.of("a|b", "c")).isNotEqualTo(Aad.of("a", "b|c"));
        assertThat(Aad.of("ab", "")).isNotEqualTo(Aad.of("a", "b"));
        assertThat(Aad.of("a", "b")).isEqualTo(Aad.of("a", "b"));
        assertThat(new String(Aad.of("x"), StandardCharsets.UTF_8)).endsWith("x");
    }

    @Test
    void aDataKeyIsWrappedByTheCurrentMasterKeyAndOpensOnlyInItsScope() {
        SecretKey dataKey = AesGcm.newKey();

        WrappedKey wrapped = keys.wrap(dataKey, "case-key-v2", "case-1");

        assertThat(wrapped.masterKeyId()).isEqualTo("mk-2");
        assertThat(wrapped.wrapped()).doesNotContain(Base64.getEncoder().encodeToString(dataKey.getEncoded()));
        assertThat(keys.unwrap(wrapped, "case-key-v2", "case-1").getEncoded()).isEqualTo(dataKey.getEncoded());
        assertThatThrownBy(() -> keys.unwrap(wrapped, "case-key-v2", "case-2"))
                .as("a wrapped key copied to another case").isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("does not open with master key mk-2");
        assertThatThrownBy(() -> keys.unwrap(new WrappedKey("mk-1", wrapped.wrapped()), "case-key-v2", "case-1"))
                .as("relabelled as wrapped by another master key").hasMessageContaining("does not open");
    }

    @Test
    void aTamperedWrappedKeyIsRefusedLoudlyNotTakenForADeletedOne() {
        WrappedKey wrapped = keys.wrap(AesGcm.newKey(), "participant-key-v1", "p-1");
        byte[] bytes = Base64.getDecoder().decode(wrapped.wrapped());
        bytes[20] ^= 1;

        assertThatThrownBy(() -> keys.unwrap(new WrappedKey("mk-2", Base64.getEncoder().encodeToString(bytes)),
                "participant-key-v1", "p-1")).isInstanceOf(IllegalStateException.class)
                .isNotInstanceOf(UnknownMasterKeyException.class);
    }

    @Test
    void aKeyWrappedByAMasterKeyTheFileLacksGivesAClearError() {
        WrappedKey wrapped = MasterKeys.parse("gone " + randomKey(), "old file").wrap(AesGcm.newKey(), "s", "k");

        assertThatThrownBy(() -> keys.unwrap(wrapped, "s", "k")).isInstanceOf(UnknownMasterKeyException.class)
                .hasMessageContaining("[gone]").hasMessageContaining("add them back as previous keys");
        assertThatThrownBy(() -> keys.requireAll(List.of("mk-1", "gone", "mk-2"), "School keys are"))
                .isInstanceOf(UnknownMasterKeyException.class).hasMessageStartingWith("School keys are wrapped by "
                        + "master key(s) [gone]")
                .satisfies(e -> assertThat(((UnknownMasterKeyException) e).masterKeyIds()).containsExactly("gone"));
        keys.requireAll(List.of("mk-1", "mk-2"), "School keys are");
    }

    @Test
    void rotationRewrapsUnderTheCurrentMasterKeyAndLeavesCurrentOnesAlone() {
        String previous = randomKey();
        String next = randomKey();
        MasterKeys before = MasterKeys.parse("old " + previous, "before");
        MasterKeys during = MasterKeys.parse("new " + next + "\nold " + previous, "during");
        MasterKeys after = MasterKeys.parse("new " + next, "after");
        SecretKey dataKey = AesGcm.newKey();
        WrappedKey underOld = before.wrap(dataKey, "school-key-v2", "S1", "k1");

        WrappedKey underNew = during.rewrap(underOld, "school-key-v2", "S1", "k1").orElseThrow();

        assertThat(underNew.masterKeyId()).isEqualTo("new");
        assertThat(during.rewrap(underNew, "school-key-v2", "S1", "k1")).as("already current").isEmpty();
        assertThat(after.unwrap(underNew, "school-key-v2", "S1", "k1").getEncoded())
                .as("the old master key may leave once nothing names it").isEqualTo(dataKey.getEncoded());
        assertThatThrownBy(() -> after.unwrap(underOld, "school-key-v2", "S1", "k1"))
                .isInstanceOf(UnknownMasterKeyException.class);
    }
}
