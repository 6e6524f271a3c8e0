package nl.instroom.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProducerPerformanceSummaryTest {

    @Test
    void readsTheFinalSummaryNotTheWindowLines() {
        String output = """
                101234 records sent, 20246.8 records/sec (7.72 MB/sec), 812.3 ms avg latency, 1503.0 ms max latency.
                300000 records sent, 24806.516702 records/sec (9.46 MB/sec), 1021.47 ms avg latency, 1811.00 ms max latency, 1003 ms 50th, 1623 ms 95th, 1760 ms 99th, 1801 ms 99.9th.
                """;

        ProducerPerformanceSummary summary = ProducerPerformanceSummary.parse(output).orElseThrow();

        assertThat(summary.records()).isEqualTo(300000);
        assertThat(summary.recordsPerSecond()).isEqualTo(24806.516702);
        assertThat(summary.megabytesPerSecond()).isEqualTo(9.46);
        assertThat(summary.avgLatencyMs()).isEqualTo(1021.47);
        assertThat(summary.p50Ms()).isEqualTo(1003);
        assertThat(summary.p99Ms()).isEqualTo(1760);
        assertThat(summary.p999Ms()).isEqualTo(1801);
    }

    @Test
    void noSummaryWhenTheToolFailedBeforeTheEnd() {
        assertThat(ProducerPerformanceSummary.parse("""
                12000 records sent, 2400.0 records/sec (0.92 MB/sec), 5.1 ms avg latency, 40.0 ms max latency.
                org.apache.kafka.common.errors.TimeoutException: Topic bench not present in metadata
                """)).isEmpty();
    }
}
