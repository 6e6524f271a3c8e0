package nl.instroom.needmapping.need.application;

import java.time.Clock;
import java.util.Date;
import nl.instroom.chassis.refusal.InvalidRequest;
import nl.instroom.chassis.security.CurrentUser;
import nl.instroom.chassis.web.NotFoundException;
import nl.instroom.needmapping.school.domain.School;
import nl.instroom.needmapping.school.domain.Schools;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/** A school reports lesuitval: lesson hours per week not given for lack of staff. The latest report counts. */
@Service
public class UnfilledLessons {

    static final String COLLECTION = "unfilled_lessons";

    private final Schools schools;
    private final MongoTemplate mongo;
    private final NeedRecalculation recalculation;
    private final Clock clock;

    UnfilledLessons(Schools schools, MongoTemplate mongo, NeedRecalculation recalculation, Clock clock) {
        this.schools = schools;
        this.mongo = mongo;
        this.recalculation = recalculation;
        this.clock = clock;
    }

    public void report(String schoolCode, double hoursPerWeek, CurrentUser user) {
        if (hoursPerWeek < 0 || hoursPerWeek > 2000) {
            throw new InvalidRequest("Lesson hours per week must be between 0 and 2000");
        }
        School school = schools.find(schoolCode.toUpperCase(java.util.Locale.ROOT))
                .filter(s -> user.mayChangeSchool(s.code(), s.facts().region()))
                .orElseThrow(() -> new NotFoundException("School", schoolCode));
        mongo.save(new Document("_id", school.code()).append("hoursPerWeek", hoursPerWeek)
                .append("reportedAt", Date.from(clock.instant())), COLLECTION);
        recalculation.schoolChanged(school.code());
    }
}
