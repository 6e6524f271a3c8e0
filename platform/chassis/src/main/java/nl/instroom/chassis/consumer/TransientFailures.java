package nl.instroom.chassis.consumer;

import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import java.net.ConnectException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;

/**
 * Failures that say "not now" rather than "never": the store or a peer is unreachable. Retrying them until they
 * pass loses nothing; parking them would turn an outage into lost work.
 */
final class TransientFailures {

    private TransientFailures() {
    }

    static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TransientDataAccessException || cause instanceof DataAccessResourceFailureException
                    || cause instanceof MongoSocketException || cause instanceof MongoTimeoutException
                    || cause instanceof ConnectException) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /**
     * The failure as the service raised it: the first cause that is not one of the listener container's or the
     * messaging framework's wrappers (an {@code UndecodableEventException} rather than the JSON parser's error
     * inside it). Its class and message are what an operator reading a dead letter needs.
     */
    static Throwable serviceCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause && isWrapper(cause)) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static boolean isWrapper(Throwable failure) {
        String name = failure.getClass().getName();
        return name.startsWith("org.springframework.kafka.") || name.startsWith("org.springframework.messaging.")
                || name.startsWith("org.springframework.integration.")
                || name.startsWith("org.springframework.cloud.stream.");
    }
}
