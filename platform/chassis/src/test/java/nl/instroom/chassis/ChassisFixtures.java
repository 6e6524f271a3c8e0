package nl.instroom.chassis;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import nl.instroom.chassis.testapp.ChassisTestApplication;
import nl.instroom.events.needmap.Urgency;
import nl.instroom.events.needmap.VacancyFilled;
import nl.instroom.events.needmap.VacancyOpened;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Events and look-ups the chassis tests share, named after what they mean. */
final class ChassisFixtures {

    private static final LocalDate START = LocalDate.of(2027, 1, 1);

    private ChassisFixtures() {
    }

    static VacancyOpened aVacancyOpened(String vacancyId) {
        return new VacancyOpened(vacancyId, "21CM00", "wiskunde", BigDecimal.ONE, 40, START, Urgency.NORMAL, 1);
    }

    static VacancyFilled thatVacancyFilled(String vacancyId) {
        return new VacancyFilled(vacancyId, "21CM00", "wiskunde", BigDecimal.ONE, START, 2);
    }

    /** What the test consumer applied for a vacancy: the count of applied effects, its revision and state. */
    static Map<String, Object> seen(MongoTemplate mongo, String vacancyId) {
        Document document = mongo.findById(vacancyId, Document.class, ChassisTestApplication.SEEN);
        return document == null ? Map.of() : document;
    }
}
