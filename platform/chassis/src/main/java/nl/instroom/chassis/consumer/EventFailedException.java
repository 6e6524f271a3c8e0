package nl.instroom.chassis.consumer;

import java.util.List;

/**
 * Handling the event at {@code index} of a batch failed with {@code getCause()}; {@code appliedBefore} says, for the
 * events before it, whether each had an effect.
 */
public class EventFailedException extends RuntimeException {

    private final int index;
    private final List<Boolean> appliedBefore;

    public EventFailedException(int index, List<Boolean> appliedBefore, Throwable cause) {
        super("Handling event " + index + " of the batch failed: " + cause.getMessage(), cause);
        this.index = index;
        this.appliedBefore = List.copyOf(appliedBefore);
    }

    public int index() {
        return index;
    }

    public List<Boolean> appliedBefore() {
        return appliedBefore;
    }
}
