package nl.instroom.assignment;

/** No flow meets the supplies within the capacities: some supply cannot reach any node that needs flow. */
public final class InfeasibleFlowException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    InfeasibleFlowException(String message) {
        super(message);
    }
}
