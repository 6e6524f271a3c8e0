package nl.instroom.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void nearestRankOfOneToHundredIsTheValueItself() {
        List<Double> latencies = new ArrayList<>();
        for (int i = 100; i >= 1; i--) {
            latencies.add((double) i);
        }
        Collections.shuffle(latencies);

        Percentiles p = Percentiles.of(latencies);

        assertThat(p.count()).isEqualTo(100);
        assertThat(p.p50()).isEqualTo(50.0);
        assertThat(p.p95()).isEqualTo(95.0);
        assertThat(p.p99()).isEqualTo(99.0);
        assertThat(p.max()).isEqualTo(100.0);
    }

    @Test
    void aFewSlowRequestsShowInTheTailNotTheMedian() {
        List<Double> latencies = new ArrayList<>(Collections.nCopies(95, 10.0));
        latencies.addAll(List.of(500.0, 600.0, 700.0, 800.0, 900.0));

        Percentiles p = Percentiles.of(latencies);

        assertThat(p.p50()).isEqualTo(10.0);
        assertThat(p.p95()).isEqualTo(10.0);
        assertThat(p.p99()).isEqualTo(800.0);
    }

    @Test
    void aSingleValueIsEveryPercentileAndNoValuesIsNone() {
        assertThat(Percentiles.of(List.of(7.0)).p99()).isEqualTo(7.0);
        assertThat(Percentiles.of(List.of()).count()).isZero();
        assertThat(Percentiles.of(List.of()).p50()).isNaN();
    }
}
