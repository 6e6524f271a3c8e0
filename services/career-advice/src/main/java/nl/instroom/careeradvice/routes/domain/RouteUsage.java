package nl.instroom.careeradvice.routes.domain;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/** Anonymous counts of the route finder's use, per month: no session id, no answer, nobody. */
public interface RouteUsage {

    void sessionStarted(YearMonth month);

    void sessionCompleted(YearMonth month);

    void routesShown(YearMonth month, List<String> routeIds);

    /** The counts of the months from {@code from} to {@code to}, oldest first. */
    List<Month> months(YearMonth from, YearMonth to);

    /** One month's counts. */
    record Month(YearMonth month, long sessionsStarted, long sessionsCompleted, Map<String, Long> routesShown) {

        public Month {
            routesShown = Map.copyOf(routesShown);
        }
    }
}
