package nl.instroom.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportTest {

    @Test
    void theRouteFindersSectionIsReplacedWithoutTouchingTheWholeRunsFigures() {
        String document = "# Performance\n\nprose\n\n" + Report.BEGIN + "\nwhole run figures\n" + Report.END + "\n";

        String first = Report.replaceBetweenMarkers(document, Report.ROUTE_FINDER_BEGIN, Report.ROUTE_FINDER_END,
                "route finder, first run\n");
        String second = Report.replaceBetweenMarkers(first, Report.ROUTE_FINDER_BEGIN, Report.ROUTE_FINDER_END,
                "route finder, second run\n");

        assertThat(second).contains("whole run figures").contains("route finder, second run")
                .doesNotContain("route finder, first run");
        assertThat(second.indexOf(Report.ROUTE_FINDER_BEGIN)).isEqualTo(second.lastIndexOf(Report.ROUTE_FINDER_BEGIN));
        assertThat(Report.replaceBetweenMarkers(second, "whole figures again\n")).contains("route finder, second run")
                .doesNotContain("whole run figures");
    }

    @Test
    void theRouteFindersFiguresNameTheMachineTheRateThePercentilesAndTheRatioToTheBaseline() {
        Map<String, Object> walks = new LinkedHashMap<>();
        walks.put("clients", 4);
        walks.put("answersPerSecond", 312.5);
        walks.put("walksCompletedPerSecond", 52.1);
        walks.put("p50Ms", 9.8);
        walks.put("p95Ms", 14.2);
        walks.put("p99Ms", 18.7);
        walks.put("maxMs", 120.0);
        walks.put("unexpectedStatus", 0);
        walks.put("byKind", Map.of("answer", Map.of("perSecond", 200.0, "p50Ms", 10.0, "p99Ms", 19.0)));
        walks.put("warmupSeconds", 60);
        walks.put("afterShortWarmup", Map.of("fromSecond", 10, "toSecond", 40, "answersPerSecond", 280.5,
                "p50Ms", 11.0, "p95Ms", 16.0, "p99Ms", 24.5, "maxMs", 140.0));
        Map<String, Object> baseline = Map.of("clients", 4, "requestsPerSecond", 625.0, "p50Ms", 5.0, "p95Ms", 8.0,
                "p99Ms", 11.0, "unexpectedStatus", 0);
        Map<String, Object> result = Map.of("startedAt", "2026-11-27T17:00:00Z",
                "machine", Map.of("cores", 2, "memoryGb", 25, "java", "17", "os", "Linux amd64"),
                "routeFinder", Map.of("walks", walks, "baseline", baseline, "toBaseline", "50.0 %"));

        String md = Report.routeFinderMarkdown(result);

        assertThat(md).contains("2 cores (shared)").contains("312.5 answers/s (52.1 walks/s)")
                .contains("| 9.8 ms | 14.2 ms | 18.7 ms | 120 ms | 0 |").contains("`answer`")
                .contains("625.0 reads/s").contains("50.0 % of the baseline").contains("route-finder.json")
                .contains("routes), after 60 s |")
                .contains("seconds 10–40 (JIT compilers still at work) | 4 | 280.5 answers/s | 11.0 ms | 16.0 ms"
                        + " | 24.5 ms");
    }
}
