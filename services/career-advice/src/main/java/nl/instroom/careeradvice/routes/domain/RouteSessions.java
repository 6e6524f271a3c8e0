package nl.instroom.careeradvice.routes.domain;

import java.time.Instant;
import java.util.Optional;

/** Where route finder sessions are kept (anonymous: ids and answers only). */
public interface RouteSessions {

    Optional<RouteSession> find(String id);

    /** Saves the session if nobody changed it since it was loaded; a refusal (409) otherwise. */
    void save(RouteSession session);

    /** Removes sessions started before the cutoff; returns how many. */
    int removeStartedBefore(Instant cutoff);
}
