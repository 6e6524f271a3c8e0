package nl.instroom.chassis.events;

/**
 * A record that can never be handled, however often it is retried: missing CloudEvents headers or data that is not
 * valid JSON for its type. Such a record goes to the dead-letter topic at once. (A well-formed event of an unknown
 * type is not this: see {@link UnknownEventTypeException}.)
 */
public class UndecodableEventException extends RuntimeException {

    public UndecodableEventException(String message) {
        super(message);
    }

    public UndecodableEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
