package nl.instroom.chassis.security;

/** What a person or integration does in Instroom; carried in the token's {@code roles} claim. */
public enum Role {
    /** Regional coordinator / instroommakelaar: one region. */
    COORDINATOR,
    /** School HR or school leader: one school. */
    SCHOOL_HR,
    /** Talentfluisteraar: one region. */
    TALENT_SCOUT,
    /** Access, audit and erasure requests. */
    ADMIN,
    /** A system calling with client credentials (imports, benchmarks): one region. */
    INTEGRATION,
    NATIONAL_VIEWER
}
