package nl.instroom.testing;

import java.util.Locale;

/** Which broker and store an integration test gets. */
public enum InfrastructureMode {
    /** Containers where Docker is available, otherwise embedded. Overridable by {@value #PROPERTY}. */
    AUTO,
    /** In-process KRaft broker and mongo-java-server. */
    EMBEDDED,
    /** Testcontainers apache/kafka and mongo; skipped where Docker is missing. */
    CONTAINERS;

    public static final String PROPERTY = "instroom.test.infrastructure";

    /** The mode a test asked for, unless the system property overrides a test that left it on AUTO. */
    static InfrastructureMode resolve(InfrastructureMode requested) {
        if (requested != AUTO) {
            return requested;
        }
        String configured = System.getProperty(PROPERTY, "auto").trim().toUpperCase(Locale.ROOT);
        try {
            return valueOf(configured);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(PROPERTY + " must be auto, embedded or containers, not '"
                    + System.getProperty(PROPERTY) + "'", e);
        }
    }
}
