package nl.instroom.mentoring.signup.domain;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import nl.instroom.chassis.refusal.InvalidRequest;
import nl.instroom.chassis.refusal.NotPossibleNow;

/**
 * One person's sign-up to one cohort, as a school leader or as an executive.
 *
 * <p>What it keeps: a name and an e-mail address so the coordinator can reach the person — and nothing else that
 * names them; the keyed fingerprint of the address to recognise a second sign-up; the person's consent; and for
 * matching the sector, region, organisation (a leader's school board, an executive's company), themes, availability,
 * capacity and the organisations they will not be paired with; and a school leader's optional {@link StaffLink},
 * given with its own consent, kept as a keyed hash. Everything that leaves the sign-up (pairs, events, figures) uses
 * the pseudonymous {@link #participantRef()}, the same for a person in every cohort.
 */
public final class SignUp {

    public static final String ERASED = "erased";
    public static final int MAX_NAME = 120;
    public static final int MAX_ORGANISATION = 120;
    public static final int MAX_CAPACITY = 3;
    public static final int MAX_IMPORTANCE = 3;
    public static final int MAX_NOT_WITH = 10;
    private static final Pattern REGION = Pattern.compile("AM[0-9]{2}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,190}\\.[^@\\s]{2,}");
    /** An identity username, as the identity server's users file writes them (no spaces, no separators). */
    public static final Pattern ACCOUNT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,79}");

    /**
     * What the questionnaire asked, as the person answered it; {@code account} is the identity username the person
     * signs in with to see their own pairs (optional: without one the coordinator records what they say);
     * {@code staffLink} a school leader's staff reference with {@code staffLinkConsent}, their consent to follow
     * whether they stayed and became an ambassador (optional, see {@link StaffLink}).
     */
    public record Answers(Side side, String name, String email, String sector, String region, String organisation,
            Map<Theme, Integer> themes, Set<DayPart> availability, Integer capacity, Set<String> notWith,
            boolean consent, String account, String staffLink, Boolean staffLinkConsent) {

        public Answers(Side side, String name, String email, String sector, String region, String organisation,
                Map<Theme, Integer> themes, Set<DayPart> availability, Integer capacity, Set<String> notWith,
                boolean consent) {
            this(side, name, email, sector, region, organisation, themes, availability, capacity, notWith, consent,
                    null, null, null);
        }
    }

    /** Whether a sign-up still takes part. */
    public enum Status {
        SIGNED_UP,
        WITHDRAWN
    }

    private final String id;
    private final String cohortId;
    private final Side side;
    private final String sector;
    private final String region;
    private final Map<Theme, Integer> themes;
    private final Set<DayPart> availability;
    private final int capacity;
    private final LocalDate signedUpOn;
    private final LocalDate cohortEnds;
    private String participantRef;
    private String name;
    private String email;
    private String emailFingerprint;
    private String organisation;
    private Set<String> notWith;
    private Status status;
    private LocalDate withdrawnOn;
    private String account;
    private StaffLink staffLink;
    private long revision;
    private final long loadedRevision;

    private SignUp(String id, String cohortId, String participantRef, Side side, String name, String email,
            String emailFingerprint, String sector, String region, String organisation, Map<Theme, Integer> themes,
            Set<DayPart> availability, int capacity, Set<String> notWith, LocalDate signedUpOn, LocalDate cohortEnds,
            Status status, LocalDate withdrawnOn, String account, StaffLink staffLink, long revision) {
        this.id = id;
        this.account = account;
        this.staffLink = staffLink;
        this.cohortId = cohortId;
        this.participantRef = participantRef;
        this.side = side;
        this.name = name;
        this.email = email;
        this.emailFingerprint = emailFingerprint;
        this.sector = sector;
        this.region = region;
        this.organisation = organisation;
        this.themes = themes.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(themes));
        this.availability = Set.copyOf(availability);
        this.capacity = capacity;
        this.notWith = Set.copyOf(notWith);
        this.signedUpOn = signedUpOn;
        this.cohortEnds = cohortEnds;
        this.status = status;
        this.withdrawnOn = withdrawnOn;
        this.revision = revision;
        this.loadedRevision = revision;
    }

    /**
     * A new sign-up. Its id follows from the cohort and the address's fingerprint, so a second sign-up of the same
     * address to the same cohort — also two at the same moment — cannot be stored twice.
     *
     * @param participantRef the person's reference from an earlier cohort, or null for someone new
     */
    public static SignUp of(String cohortId, Answers answers, String emailFingerprint, String participantRef,
            LocalDate today, LocalDate cohortEnds) {
        return of(cohortId, answers, emailFingerprint, participantRef, today, cohortEnds, link -> {
            throw new IllegalStateException("A staff link needs the service's keyed hash");
        });
    }

    /**
     * A new sign-up, its staff link (if any) hashed by {@code staffLinkHash}: the reference itself is never kept.
     */
    public static SignUp of(String cohortId, Answers answers, String emailFingerprint, String participantRef,
            LocalDate today, LocalDate cohortEnds, UnaryOperator<String> staffLinkHash) {
        if (!answers.consent()) {
            throw new InvalidRequest("A sign-up needs the person's consent to keep and use their answers");
        }
        if (answers.side() == null) {
            throw new InvalidRequest("Say whether the person signs up as SCHOOL_LEADER or EXECUTIVE");
        }
        String name = required(answers.name(), "name", MAX_NAME);
        String email = required(answers.email(), "email", 254);
        if (!EMAIL.matcher(email).matches()) {
            throw new InvalidRequest("The e-mail address is not one");
        }
        if (answers.region() == null || !REGION.matcher(answers.region()).matches()) {
            throw new InvalidRequest("The region must be a labour-market region code such as AM36");
        }
        String organisation = required(answers.organisation(), "organisation", MAX_ORGANISATION);
        String sector = required(answers.sector(), "sector", 60);
        Map<Theme, Integer> themes = answers.themes() == null ? Map.of() : answers.themes();
        if (themes.isEmpty()) {
            throw new InvalidRequest("Name at least one theme");
        }
        themes.forEach((theme, importance) -> {
            if (theme == null || importance == null || importance < 1 || importance > MAX_IMPORTANCE) {
                throw new InvalidRequest("Each theme's importance is 1 to " + MAX_IMPORTANCE);
            }
        });
        int capacity = answers.capacity() == null ? 1 : answers.capacity();
        if (answers.side() == Side.SCHOOL_LEADER && capacity != 1) {
            throw new InvalidRequest("A school leader is in one pair at a time");
        }
        if (capacity < 1 || capacity > MAX_CAPACITY) {
            throw new InvalidRequest("An executive takes 1 to " + MAX_CAPACITY + " school leaders");
        }
        Set<String> notWith = answers.notWith() == null ? Set.of() : answers.notWith();
        if (notWith.size() > MAX_NOT_WITH) {
            throw new InvalidRequest("At most " + MAX_NOT_WITH + " organisations not to be paired with");
        }
        Set<String> normalisedNotWith = new TreeSet<>();
        for (String other : notWith) {
            normalisedNotWith.add(normalise(required(other, "notWith", MAX_ORGANISATION)));
        }
        String id = UUID.nameUUIDFromBytes(("sign-up:" + cohortId + ":" + emailFingerprint)
                .getBytes(StandardCharsets.UTF_8)).toString();
        String account = answers.account() == null || answers.account().isBlank() ? null : answers.account().strip();
        if (account != null && !ACCOUNT.matcher(account).matches()) {
            throw new InvalidRequest("The sign-in name is an identity username: letters, digits and . _ @ -, "
                    + "at most 80");
        }
        Set<DayPart> availability = answers.availability() == null || answers.availability().isEmpty()
                ? Set.of() : EnumSet.copyOf(answers.availability());
        SignUp signUp = new SignUp(id, cohortId,
                participantRef == null ? UUID.randomUUID().toString() : participantRef, answers.side(), name,
                email.strip(), emailFingerprint, sector, answers.region(), organisation, themes, availability,
                capacity, normalisedNotWith, today, cohortEnds, Status.SIGNED_UP, null, account,
                StaffLink.given(answers.side(), answers.staffLink(), answers.staffLinkConsent(), staffLinkHash), 0);
        // Loaded at revision 0 (new), written as revision 1.
        signUp.revision = 1;
        return signUp;
    }

    public static SignUp restore(String id, String cohortId, String participantRef, Side side, String name,
            String email, String emailFingerprint, String sector, String region, String organisation,
            Map<Theme, Integer> themes, Set<DayPart> availability, int capacity, Set<String> notWith,
            LocalDate signedUpOn, LocalDate cohortEnds, Status status, LocalDate withdrawnOn, String account,
            StaffLink staffLink, long revision) {
        return new SignUp(id, cohortId, participantRef, side, name, email, emailFingerprint, sector, region,
                organisation, themes == null ? Map.of() : themes, availability == null ? Set.of() : availability,
                capacity, notWith == null ? Set.of() : notWith, signedUpOn, cohortEnds, status, withdrawnOn,
                account, staffLink, revision);
    }

    /** The person no longer takes part; a pair of theirs can no longer become active. */
    public void withdraw(LocalDate on) {
        if (status == Status.WITHDRAWN) {
            throw new NotPossibleNow("This sign-up was withdrawn already");
        }
        status = Status.WITHDRAWN;
        withdrawnOn = on;
        revision++;
    }

    /** Whether the organisation (a school board or company) is the person's own or one they will not meet. */
    public boolean excludes(String otherOrganisation) {
        if (otherOrganisation == null) {
            return false;
        }
        String other = normalise(otherOrganisation);
        return notWith.contains(other) || (organisation != null && normalise(organisation).equals(other));
    }

    /** Organisation names compared as people write them: case, spaces and punctuation do not count. */
    public static String normalise(String organisation) {
        return organisation.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    public boolean active() {
        return status == Status.SIGNED_UP;
    }

    private static String required(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            throw new InvalidRequest("The sign-up needs " + field);
        }
        if (value.strip().length() > max) {
            throw new InvalidRequest(field + " is longer than " + max + " characters");
        }
        return value.strip();
    }

    public String id() {
        return id;
    }

    public String cohortId() {
        return cohortId;
    }

    public String participantRef() {
        return participantRef;
    }

    public Side side() {
        return side;
    }

    public String name() {
        return name;
    }

    public String email() {
        return email;
    }

    public String emailFingerprint() {
        return emailFingerprint;
    }

    public String sector() {
        return sector;
    }

    public String region() {
        return region;
    }

    public String organisation() {
        return organisation;
    }

    public Map<Theme, Integer> themes() {
        return themes;
    }

    public Set<DayPart> availability() {
        return availability;
    }

    public int capacity() {
        return capacity;
    }

    public Set<String> notWith() {
        return notWith;
    }

    public LocalDate signedUpOn() {
        return signedUpOn;
    }

    public LocalDate cohortEnds() {
        return cohortEnds;
    }

    public Status status() {
        return status;
    }

    public LocalDate withdrawnOn() {
        return withdrawnOn;
    }

    /** The identity username the person signs in with, or null: links a sign-in to this sign-up only. */
    public String account() {
        return account;
    }

    /** The school leader's staff link with what arrived about it, or null (none given, or erased). */
    public StaffLink staffLink() {
        return staffLink;
    }

    public long revision() {
        return revision;
    }

    public long loadedRevision() {
        return loadedRevision;
    }
}
