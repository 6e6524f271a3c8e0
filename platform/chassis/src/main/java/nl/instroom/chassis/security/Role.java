package nl.instroom.chassis.security;

/**
 * What a person or integration does in Instroom; carried in the token's {@code roles} claim. Each role names the
 * reach its data has (the claim a token of that role must carry) and whether it may change anything; {@link
 * CurrentUser} applies both.
 */
public enum Role {
    /** Regional coordinator / instroommakelaar: one region. */
    COORDINATOR(Reach.REGION, true),
    /** School HR or school leader: one school. */
    SCHOOL_HR(Reach.SCHOOL, true),
    /** Talentfluisteraar: one region. */
    TALENT_SCOUT(Reach.REGION, true),
    /** Access, audit and erasure requests; every region. */
    ADMIN(Reach.COUNTRY, true),
    /** A system calling with client credentials (imports, benchmarks): one region. */
    INTEGRATION(Reach.REGION, true),
    /**
     * The ministry or a national body: reads aggregated figures and needs of every region, never personal data (its
     * access rules name it only on such endpoints) and never writes.
     */
    NATIONAL_VIEWER(Reach.COUNTRY, false),
    /**
     * Adviser of the Onderwijsloket (career-advice): advises career switchers from anywhere in the country, so every
     * region. The desk is one national team whose advisers take over each other's cases, and a person chooses a
     * slot, not a region; a region-scoped adviser would have to be refused the people of every other region. Only
     * career-advice's access rules name this role: in every other service it reaches nothing.
     */
    ADVISOR(Reach.COUNTRY, true),
    /**
     * Programme coordinator of cross-mentoring (school leaders and business executives, a national programme): runs
     * the cohorts, sign-ups, matching and pairs of the mentoring service, every region (its participants come from
     * all over the country, and executives belong to no region of education). Only mentoring's access rules name
     * it, so it reaches nothing in the other services.
     */
    PROGRAMME_COORDINATOR(Reach.COUNTRY, true),
    /**
     * A school leader or executive taking part in cross-mentoring: sees and records only their own pairs (saying yes
     * or no, meetings, goals, their own feedback). Mentoring links the token's subject, the person's identity
     * username, to their sign-up and scopes every answer by it; the role carries no region or school claim, as the
     * pairs are found by the subject, not by a region. Only mentoring's access rules name it, on {@code /api/my/...}
     * alone, so it reaches nothing else.
     */
    MENTORING_PARTICIPANT(Reach.COUNTRY, true);

    /** What a role's data is bounded by, and so which claim its tokens carry. */
    public enum Reach {
        /** One labour-market region: the token's {@code region} claim. */
        REGION,
        /** One school (vestigingscode): the token's {@code school} claim. */
        SCHOOL,
        /** Every region; no scope claim. */
        COUNTRY
    }

    private final Reach reach;
    private final boolean writes;

    Role(Reach reach, boolean writes) {
        this.reach = reach;
        this.writes = writes;
    }

    public Reach reach() {
        return reach;
    }

    /** Whether the role may change anything at all; a read-only role is refused every write inside its reach too. */
    public boolean writes() {
        return writes;
    }

    /** The claim a token of this role must carry, or null for country-wide roles. */
    public String scopeClaim() {
        return switch (reach) {
            case REGION -> CurrentUser.REGION;
            case SCHOOL -> CurrentUser.SCHOOL;
            case COUNTRY -> null;
        };
    }
}
