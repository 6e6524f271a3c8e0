package nl.instroom.stayinterviews.risk.domain;

import java.util.Optional;
import java.util.Set;

/** Where school risks are kept; saving stores the state and the registered events in one write. */
public interface SchoolRisks {

    Optional<SchoolRisk> find(String schoolCode);

    /** Schools whose risk has been assessed. */
    Set<String> schoolCodes();

    void save(SchoolRisk risk);
}
