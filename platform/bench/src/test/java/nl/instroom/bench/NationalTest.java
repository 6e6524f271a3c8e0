package nl.instroom.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NationalTest {

    private static final List<National.School> SCHOOLS = List.of(
            new National.School("01AA00", "basisschool", 200),
            new National.School("02BB00", "VBO/MAVO/HAVO/VWO", 1800),
            new National.School("03CC00", "(V)SO", 100));

    @Test
    void theVacanciesAreTheSameForTheSameSeedAndValidForTheImport() {
        List<National.Row> first = National.vacancies(SCHOOLS, 2000, new Random(16));
        List<National.Row> again = National.vacancies(SCHOOLS, 2000, new Random(16));

        assertThat(again).isEqualTo(first);
        Set<String> secondarySubjects = new HashSet<>();
        for (National.Row row : first) {
            BigDecimal fte = new BigDecimal(row.fte());
            assertThat(fte).isBetween(new BigDecimal("0.4"), BigDecimal.ONE);
            assertThat(row.hours()).isBetween(1, 48).isEqualTo(fte.multiply(BigDecimal.valueOf(40)).intValue());
            assertThat(row.start()).isAfter(LocalDate.now()).matches(day -> day.getDayOfMonth() == 1);
            assertThat(row.urgency()).isIn("LOW", "NORMAL", "HIGH", "CRITICAL");
            if (row.school().equals("01AA00")) {
                assertThat(row.subject()).isIn("groepsleerkracht", "intern begeleider",
                        "vakleerkracht bewegingsonderwijs", "onderwijsassistent");
            }
            if (row.school().equals("02BB00")) {
                secondarySubjects.add(row.subject());
            }
        }
        assertThat(secondarySubjects).contains("wiskunde", "duits", "natuurkunde").doesNotContain("groepsleerkracht");
        // drawn by pupils: the large secondary school gets most of them
        long atSecondary = first.stream().filter(row -> row.school().equals("02BB00")).count();
        assertThat(atSecondary).isBetween(1650L, 1780L);
    }

    @Test
    void eachRegionsRowsGoAsItsOwnUploadsOfAtMostABatchEveryRowOnce() {
        List<National.Row> rows = National.vacancies(SCHOOLS, 2500, new Random(16));
        Map<String, String> regionOf = Map.of("01AA00", "AM22", "02BB00", "AM01", "03CC00", "AM22");

        List<Map.Entry<String, List<Integer>>> uploads = National.uploads(rows, regionOf);

        List<Integer> all = new ArrayList<>();
        for (Map.Entry<String, List<Integer>> upload : uploads) {
            assertThat(upload.getValue()).hasSizeBetween(1, National.BATCH)
                    .allMatch(i -> regionOf.get(rows.get(i).school()).equals(upload.getKey()));
            all.addAll(upload.getValue());
        }
        assertThat(all).hasSize(2500).doesNotHaveDuplicates();
        // the regions take turns: AM01's second upload comes after AM22's first
        assertThat(uploads.get(0).getKey()).isEqualTo("AM01");
        assertThat(uploads.get(1).getKey()).isEqualTo("AM22");
        assertThatThrownBy(() -> National.uploads(rows, Map.of("01AA00", "AM22")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("No region for school");
    }

    @Test
    void metricsAreSummedFromThePrometheusTextWithOrWithoutALabel() {
        String metrics = """
                # HELP jvm_memory_used_bytes The amount of used memory
                jvm_memory_used_bytes{area="heap",id="G1 Eden Space"} 1.5E7
                jvm_memory_used_bytes{area="heap",id="G1 Old Gen"} 2.5E7
                jvm_memory_used_bytes{area="nonheap",id="Metaspace"} 9.0E7
                instroom_outbox_backlog{collection="vacancies"} 3.0
                instroom_outbox_backlog{collection="schools"} 0.0 1732730000000
                """;

        assertThat(National.sum(metrics, "jvm_memory_used_bytes", "area=\"heap\"")).isEqualTo(4.0E7);
        assertThat(National.sum(metrics, "instroom_outbox_backlog", null)).isEqualTo(3.0);
        assertThat(National.sum(metrics, "jvm_memory_max_bytes", null)).isZero();
    }
}
