package nl.instroom.chassis.refusal;

/** What was asked breaks a rule of the domain whatever the state (400): a value out of range, a wrong combination. */
public class InvalidRequest extends Refusal {

    public InvalidRequest(String message) {
        super(message);
    }
}
