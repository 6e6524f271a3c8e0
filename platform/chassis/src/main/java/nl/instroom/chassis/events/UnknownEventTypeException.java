package nl.instroom.chassis.events;

/**
 * A well-formed CloudEvent whose type this service's contracts do not know: a producer was deployed with a new
 * type (or version) before this consumer. Not garbage, and nothing this consumer could act on: consumers count it
 * and skip it, rather than parking it as a dead letter.
 */
public class UnknownEventTypeException extends RuntimeException {

    private final String type;

    public UnknownEventTypeException(String type) {
        super("Unknown event type '" + type + "'");
        this.type = type;
    }

    public String type() {
        return type;
    }
}
