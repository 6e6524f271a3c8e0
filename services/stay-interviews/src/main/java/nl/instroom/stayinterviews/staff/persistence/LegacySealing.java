package nl.instroom.stayinterviews.staff.persistence;

import java.util.Date;
import java.util.List;
import nl.instroom.chassis.refusal.ChangedMeanwhile;
import nl.instroom.stayinterviews.staff.domain.StaffMember;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Seals again, once, the text earlier versions sealed bound to the school only ({@code v1:}), so that it too opens
 * only for its own employee, interview and field. Until then it still opens as before. Each member is saved under
 * its revision: one changed meanwhile (by HR, or another instance doing the same) is left for that change, which
 * seals everything anew anyway. Once nothing is left, a marker in the same database spares later starts the scan; a
 * restore of an older backup brings its own state of the marker back with the data, and the scan runs again.
 */
@Component
class LegacySealing implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(LegacySealing.class);
    private static final int BATCH = 200;
    static final String UPGRADES = "format_upgrades";
    static final String BOUND_SEALING = "sealing-bound-to-place";

    private final MongoStaffMembers staff;
    private final MongoTemplate mongo;

    LegacySealing(MongoStaffMembers staff, MongoTemplate mongo) {
        this.staff = staff;
        this.mongo = mongo;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        if (mongo.findById(BOUND_SEALING, Document.class, UPGRADES) != null) {
            return;
        }
        int resealed = 0;
        while (true) {
            List<String> pending = staff.sealedBeforeBinding(BATCH);
            int done = 0;
            for (String id : pending) {
                StaffMember member = staff.find(id).orElse(null);
                if (member == null) {
                    continue;
                }
                try {
                    staff.save(member);
                    done++;
                } catch (ChangedMeanwhile changedMeanwhile) {
                    log.debug("Staff member changed while sealing again; its own save sealed it");
                }
            }
            resealed += done;
            if (done == 0 || pending.size() < BATCH) {
                break;
            }
        }
        if (resealed > 0) {
            log.info("Sealed the text of {} staff member(s) again, bound to employee, interview and field", resealed);
        }
        if (staff.sealedBeforeBinding(1).isEmpty()) {
            try {
                mongo.insert(new Document("_id", BOUND_SEALING).append("at", new Date()), UPGRADES);
            } catch (DuplicateKeyException anotherInstance) {
                // marked already
            }
        }
    }
}
