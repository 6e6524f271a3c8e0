package nl.instroom.events;

import java.util.List;

/** The fixed topic names. A breaking change to an event means a new topic with the next version suffix. */
public final class Topics {

    public static final String SCHOOLS = "needmap.schools.v1";
    public static final String VACANCIES = "needmap.vacancies.v1";
    /** Version 2 since the need events carry scores instead of within-region indexes (docs/need-index.md). */
    public static final String NEED = "needmap.need.v2";
    public static final String PLACEMENTS = "tutoring.placements.v1";
    public static final String TALENT = "scouting.talent.v1";
    public static final String STAY_SIGNALS = "stay.signals.v1";
    /**
     * Employees' leaving months under their staff reference, for mentoring alone (its Kafka user is the only reader):
     * whether a school leader who linked their reference with consent stayed (docs/mentoring.md).
     */
    public static final String STAY_DEPARTURES = "stay.departures.v1";
    /**
     * Career switchers an adviser of career-advice referred to a region, and the later stages they reached there (in
     * training, working), under pseudonymous case ids.
     */
    public static final String ADVICE_REFERRALS = "advice.referrals.v1";
    /** Cross-mentoring pairs, with pseudonymous participant references only (docs/mentoring.md). */
    public static final String MENTORING_PAIRS = "mentoring.pairs.v1";
    /**
     * Erasure requests: written by identity alone. Requests and answers are two topics because Kafka grants writes
     * per topic, not per event type: on one topic, every service that must answer could also ask for an erasure.
     */
    public static final String ERASURE_REQUESTS = "privacy.erasure-requests.v1";
    /** Each service's answer to an erasure request; only identity reads them. */
    public static final String ERASURE_ANSWERS = "privacy.erasure-answers.v1";
    /** What the retention jobs of tutoring, scouting, stay-interviews and mentoring removed (docs/security.md, Retention). */
    public static final String RETENTION = "privacy.retention.v1";

    public static final List<String> ALL = List.of(SCHOOLS, VACANCIES, NEED, PLACEMENTS, TALENT, STAY_SIGNALS,
            ADVICE_REFERRALS, ERASURE_REQUESTS, ERASURE_ANSWERS, RETENTION, MENTORING_PAIRS, STAY_DEPARTURES);

    private Topics() {
    }

    /** Where a consumer group parks the records it cannot handle: {@code <topic>.<consumer-group>.dlq}. */
    public static String deadLetterTopic(String topic, String consumerGroup) {
        return topic + "." + consumerGroup + ".dlq";
    }
}
