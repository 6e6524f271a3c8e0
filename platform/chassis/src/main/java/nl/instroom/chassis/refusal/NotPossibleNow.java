package nl.instroom.chassis.refusal;

/** What was asked is not possible in the current state of the thing it is about (409), e.g. a step out of order. */
public class NotPossibleNow extends Refusal {

    public NotPossibleNow(String message) {
        super(message);
    }
}
