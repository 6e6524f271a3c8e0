package nl.instroom.careeradvice.routes.domain;

import java.util.List;

/** Route rules that cannot be used; the service does not start with them. */
public class InvalidRouteBook extends IllegalStateException {

    private final List<String> faults;

    public InvalidRouteBook(String version, List<String> faults) {
        super("The route rules " + version + " are invalid: " + String.join("; ", faults));
        this.faults = List.copyOf(faults);
    }

    public List<String> faults() {
        return faults;
    }
}
