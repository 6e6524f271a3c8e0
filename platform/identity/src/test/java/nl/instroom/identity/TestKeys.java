package nl.instroom.identity;

/** Keys for identity servers under test; never used elsewhere. */
public final class TestKeys {

    /** 32 bytes, base64: seals second-factor secrets in tests. */
    public static final String SECOND_FACTOR_KEY = "dGVzdC1vbmx5LXNlY29uZC1mYWN0b3Ita2V5LTMyYiE=";

    private TestKeys() {
    }
}
