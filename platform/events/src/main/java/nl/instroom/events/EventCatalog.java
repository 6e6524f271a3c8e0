package nl.instroom.events;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.instroom.events.mentoring.MeetingLogged;
import nl.instroom.events.mentoring.PairActivated;
import nl.instroom.events.mentoring.PairEnded;
import nl.instroom.events.mentoring.PairMatched;
import nl.instroom.events.mentoring.PairWentQuiet;
import nl.instroom.events.advice.CandidateProgressed;
import nl.instroom.events.advice.CandidateReferred;
import nl.instroom.events.needmap.SchoolNeedChanged;
import nl.instroom.events.needmap.SchoolRegistered;
import nl.instroom.events.needmap.SchoolUpdated;
import nl.instroom.events.needmap.VacancyFilled;
import nl.instroom.events.needmap.VacancyOpened;
import nl.instroom.events.needmap.VacancyWithdrawn;
import nl.instroom.events.privacy.PersonalDataPurged;
import nl.instroom.events.privacy.SubjectErased;
import nl.instroom.events.privacy.SubjectErasureRequested;
import nl.instroom.events.scouting.AmbassadorNominated;
import nl.instroom.events.scouting.TalentFlagged;
import nl.instroom.events.scouting.TalentStatusChanged;
import nl.instroom.events.stay.GrowthAmbitionShared;
import nl.instroom.events.stay.RetentionRiskAssessed;
import nl.instroom.events.stay.StaffMemberLeft;
import nl.instroom.events.stay.StaffMemberRemoved;
import nl.instroom.events.stay.StayInterviewHeld;
import nl.instroom.events.tutoring.PlacementCancelled;
import nl.instroom.events.tutoring.PlacementCompleted;
import nl.instroom.events.tutoring.PlacementConfirmed;
import nl.instroom.events.tutoring.PlacementProposed;
import nl.instroom.events.tutoring.PlacementStarted;
import nl.instroom.events.tutoring.TutorRegistered;

/**
 * Every event type Instroom publishes, with its logical CloudEvents type and its topic. The logical type is what
 * travels on the wire ({@code ce_type}); the Java class never does, so a consumer in any language can read it.
 */
public final class EventCatalog {

    /** One published event type. */
    public record EventType(String type, Class<? extends InstroomEvent> recordClass, String topic) {

        /** Where this type's JSON Schema lies on the classpath. */
        public String schemaResource() {
            return "schemas/" + type + ".json";
        }
    }

    private static final List<EventType> ALL = List.of(
            v1("nl.instroom.needmap.SchoolRegistered", SchoolRegistered.class, Topics.SCHOOLS),
            v1("nl.instroom.needmap.SchoolUpdated", SchoolUpdated.class, Topics.SCHOOLS),
            v1("nl.instroom.needmap.VacancyOpened", VacancyOpened.class, Topics.VACANCIES),
            v1("nl.instroom.needmap.VacancyFilled", VacancyFilled.class, Topics.VACANCIES),
            v1("nl.instroom.needmap.VacancyWithdrawn", VacancyWithdrawn.class, Topics.VACANCIES),
            v2("nl.instroom.needmap.SchoolNeedChanged", SchoolNeedChanged.class, Topics.NEED),
            v1("nl.instroom.tutoring.TutorRegistered", TutorRegistered.class, Topics.PLACEMENTS),
            v1("nl.instroom.tutoring.PlacementProposed", PlacementProposed.class, Topics.PLACEMENTS),
            v1("nl.instroom.tutoring.PlacementConfirmed", PlacementConfirmed.class, Topics.PLACEMENTS),
            v1("nl.instroom.tutoring.PlacementStarted", PlacementStarted.class, Topics.PLACEMENTS),
            v1("nl.instroom.tutoring.PlacementCompleted", PlacementCompleted.class, Topics.PLACEMENTS),
            v1("nl.instroom.tutoring.PlacementCancelled", PlacementCancelled.class, Topics.PLACEMENTS),
            v1("nl.instroom.stay.StayInterviewHeld", StayInterviewHeld.class, Topics.STAY_SIGNALS),
            v1("nl.instroom.stay.RetentionRiskAssessed", RetentionRiskAssessed.class, Topics.STAY_SIGNALS),
            v1("nl.instroom.stay.GrowthAmbitionShared", GrowthAmbitionShared.class, Topics.STAY_SIGNALS),
            v1("nl.instroom.scouting.TalentFlagged", TalentFlagged.class, Topics.TALENT),
            v1("nl.instroom.scouting.TalentStatusChanged", TalentStatusChanged.class, Topics.TALENT),
            v1("nl.instroom.scouting.AmbassadorNominated", AmbassadorNominated.class, Topics.TALENT),
            v1("nl.instroom.stay.StaffMemberRemoved", StaffMemberRemoved.class, Topics.STAY_SIGNALS),
            v1("nl.instroom.stay.StaffMemberLeft", StaffMemberLeft.class, Topics.STAY_DEPARTURES),
            v1("nl.instroom.advice.CandidateReferred", CandidateReferred.class, Topics.ADVICE_REFERRALS),
            v1("nl.instroom.advice.CandidateProgressed", CandidateProgressed.class, Topics.ADVICE_REFERRALS),
            v1("nl.instroom.privacy.SubjectErasureRequested", SubjectErasureRequested.class, Topics.ERASURE_REQUESTS),
            v1("nl.instroom.privacy.SubjectErased", SubjectErased.class, Topics.ERASURE_ANSWERS),
            v1("nl.instroom.privacy.PersonalDataPurged", PersonalDataPurged.class, Topics.RETENTION),
            v1("nl.instroom.mentoring.PairMatched", PairMatched.class, Topics.MENTORING_PAIRS),
            v1("nl.instroom.mentoring.PairActivated", PairActivated.class, Topics.MENTORING_PAIRS),
            v1("nl.instroom.mentoring.MeetingLogged", MeetingLogged.class, Topics.MENTORING_PAIRS),
            v1("nl.instroom.mentoring.PairWentQuiet", PairWentQuiet.class, Topics.MENTORING_PAIRS),
            v1("nl.instroom.mentoring.PairEnded", PairEnded.class, Topics.MENTORING_PAIRS));

    private static final Map<String, EventType> BY_TYPE = new LinkedHashMap<>();
    private static final Map<Class<?>, EventType> BY_CLASS = new LinkedHashMap<>();

    static {
        for (EventType eventType : ALL) {
            BY_TYPE.put(eventType.type(), eventType);
            BY_CLASS.put(eventType.recordClass(), eventType);
        }
    }

    private EventCatalog() {
    }

    private static EventType v1(String name, Class<? extends InstroomEvent> recordClass, String topic) {
        return new EventType(name + ".v1", recordClass, topic);
    }

    private static EventType v2(String name, Class<? extends InstroomEvent> recordClass, String topic) {
        return new EventType(name + ".v2", recordClass, topic);
    }

    public static List<EventType> all() {
        return ALL;
    }

    /** The type for a {@code ce_type} value, or empty when this contract version does not know it. */
    public static Optional<EventType> byType(String type) {
        return Optional.ofNullable(BY_TYPE.get(type));
    }

    public static EventType of(Class<? extends InstroomEvent> recordClass) {
        EventType eventType = BY_CLASS.get(recordClass);
        if (eventType == null) {
            throw new IllegalArgumentException(recordClass.getSimpleName() + " is not a published event type");
        }
        return eventType;
    }

    public static EventType of(InstroomEvent event) {
        return of(event.getClass());
    }
}
