package nl.instroom.bench;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The final summary line of Kafka's own {@code ProducerPerformance} tool, which the broker baseline runs. */
record ProducerPerformanceSummary(long records, double recordsPerSecond, double megabytesPerSecond,
        double avgLatencyMs, double maxLatencyMs, double p50Ms, double p95Ms, double p99Ms, double p999Ms) {

    // The tool prints a line per reporting window too; only the last one carries the percentiles.
    private static final Pattern SUMMARY = Pattern.compile("(\\d+)[^0-9]*? records sent, ([\\d.]+) records/sec "
            + "\\(([\\d.]+) MB/sec\\), ([\\d.]+) ms avg latency, ([\\d.]+) ms max latency, (\\d+) ms 50th, "
            + "(\\d+) ms 95th, (\\d+) ms 99th, (\\d+) ms 99\\.9th");

    static Optional<ProducerPerformanceSummary> parse(String output) {
        Matcher m = SUMMARY.matcher(output);
        ProducerPerformanceSummary last = null;
        while (m.find()) {
            last = new ProducerPerformanceSummary(Long.parseLong(m.group(1)), Double.parseDouble(m.group(2)),
                    Double.parseDouble(m.group(3)), Double.parseDouble(m.group(4)), Double.parseDouble(m.group(5)),
                    Double.parseDouble(m.group(6)), Double.parseDouble(m.group(7)), Double.parseDouble(m.group(8)),
                    Double.parseDouble(m.group(9)));
        }
        return Optional.ofNullable(last);
    }
}
