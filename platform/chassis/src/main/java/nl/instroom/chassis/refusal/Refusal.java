package nl.instroom.chassis.refusal;

/**
 * A request the domain or a use case refuses on purpose. Its message is written for the caller and is sent to them
 * as the problem's detail, so it names only what the caller sent or may see. Every other exception is a fault of
 * ours and reaches the caller as a 500 without its message.
 */
public abstract class Refusal extends RuntimeException {

    protected Refusal(String message) {
        super(message, null, false, false);
    }
}
