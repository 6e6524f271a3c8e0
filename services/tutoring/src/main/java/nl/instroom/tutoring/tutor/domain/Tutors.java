package nl.instroom.tutoring.tutor.domain;

import java.util.Optional;

/** Where tutors are kept; saving stores the state and the registered events in one write. */
public interface Tutors {

    Optional<Tutor> find(String id);

    void save(Tutor tutor);

    /** Removes the tutor entirely; returns how many records were removed. */
    int erase(String id);
}
