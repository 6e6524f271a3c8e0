package nl.instroom.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MentoringMatchingTest {

    private static Map<String, Object> row(int leaders, int executives, long solveMillis, boolean certified) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("leaders", leaders);
        row.put("executives", executives);
        row.put("places", 1_500);
        row.put("allPairs", (long) leaders * executives);
        row.put("candidates", 2_300_000);
        row.put("excluded", Map.of("SAME_ORGANISATION", 1_200));
        row.put("pins", 20);
        row.put("solveMillis", solveMillis);
        row.put("runMillis", 2_400);
        row.put("objective", 100_000);
        row.put("pairs", 1_500);
        row.put("certifiedOptimal", certified);
        row.put("greedySolveMillis", 400);
        row.put("greedyRunMillis", 2_100);
        row.put("greedyObjective", 98_000);
        row.put("greedyPairs", 1_490);
        row.put("objectiveRatioExactToGreedy", 1.0204);
        row.put("solveTimeRatioExactToGreedy", 0.75);
        return row;
    }

    @Test
    void theSectionListsEverySizeAndSaysWhetherTheNationalCohortMetTheTarget() {
        String met = MentoringMatching.markdown(Map.of("machine", "2 cores (shared), Java 17",
                "rows", List.of(row(200, 150, 3, true), row(2_000, 1_200, 300, true))));

        assertThat(met).contains("2 cores (shared)").contains("| 200 × 150 (1,500) |")
                .contains("| 2,000 × 1,200 (1,500) | 2,300,000 of 2,400,000 | same organisation 1,200 | 20 | 300 |")
                .contains("| 100,000 | 1,500 | yes | 400 | 98,000 (1,490) | 1.0204 | 0.75 | 2,400 / 2,100 |")
                .contains("**met** (300 ms, certificate verified; greedy 400 ms and 2.00 % below the optimum)");
        assertThat(MentoringMatching.markdown(Map.of("machine", "m",
                "rows", List.of(row(2_000, 1_200, 1_001, true))))).contains("**not met** (1,001 ms");
        assertThat(MentoringMatching.markdown(Map.of("machine", "m",
                "rows", List.of(row(2_000, 1_200, 300, false))))).contains("**not met**").contains("**NO**");
    }

    @Test
    void withoutTheBenchmarksResultTheScenarioSaysHowToProduceIt(@TempDir Path root) throws Exception {
        Files.writeString(root.resolve("performance.md"), "# Performance\n");

        assertThatThrownBy(() -> MentoringMatching.only(root, new BenchRun.Progress()))
                .hasMessageContaining("mentoring-matching.json is missing")
                .hasMessageContaining("-pl services/mentoring,platform/bench");
    }
}
