package nl.instroom.identity.secondfactor.persistence;

import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import nl.instroom.identity.IdentityProperties;
import nl.instroom.identity.secondfactor.application.SecondFactorStore;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Second factors in identity's own store, collection {@code second_factors}, one document per person keyed by
 * username: the sealed secret, the last step used and the bcrypt hashes of the unused recovery codes. Using a step or
 * a recovery code is a conditional update, so of two requests with the same code only one succeeds.
 */
@Component
class MongoSecondFactorStore implements SecondFactorStore {

    static final String COLLECTION = "second_factors";

    private final MongoTemplate mongo;
    private final SealedSecrets sealing;
    private final Clock clock;

    MongoSecondFactorStore(MongoTemplate mongo, Clock clock, IdentityProperties properties) {
        this.mongo = mongo;
        this.clock = clock;
        this.sealing = new SealedSecrets(properties.secondFactorKey());
    }

    @Override
    public Optional<Enrolled> find(String username) {
        Document stored = mongo.findById(username, Document.class, COLLECTION);
        if (stored == null) {
            return Optional.empty();
        }
        return Optional.of(new Enrolled(sealing.open(username, stored.getString("secret")),
                stored.get("lastUsedStep", Number.class).longValue(),
                List.copyOf(stored.getList("recoveryCodes", String.class))));
    }

    @Override
    public boolean enroll(String username, String secret, long usedStep, List<String> recoveryCodeHashes) {
        try {
            mongo.insert(new Document("_id", username).append("secret", sealing.seal(username, secret))
                    .append("lastUsedStep", usedStep).append("recoveryCodes", recoveryCodeHashes)
                    .append("enrolledAt", Date.from(clock.instant())), COLLECTION);
            return true;
        } catch (DuplicateKeyException alreadyEnrolled) {
            return false;
        }
    }

    @Override
    public boolean useStep(String username, long step) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(username).and("lastUsedStep").lt(step)),
                new Update().set("lastUsedStep", step), COLLECTION).getModifiedCount() == 1;
    }

    @Override
    public boolean useRecoveryCode(String username, String hash) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(username).and("recoveryCodes").is(hash)),
                new Update().pull("recoveryCodes", hash), COLLECTION).getModifiedCount() == 1;
    }
}
