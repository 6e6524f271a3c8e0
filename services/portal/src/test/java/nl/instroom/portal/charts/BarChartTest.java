package nl.instroom.portal.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class BarChartTest {

    @Test
    void barsAreAsWideAsTheirShareOfTheAxisAndWriteTheirValueAsTheReaderDoes() {
        BarChart.Drawing drawing = BarChart.draw(List.of(new BarChart.Value("midway", 4.5),
                new BarChart.Value("final", 2.5)), 5, 1, Locale.forLanguageTag("nl"));

        assertThat(drawing.bars()).extracting(BarChart.Bar::width).containsExactly(288.0, 160.0);
        assertThat(drawing.bars()).extracting(BarChart.Bar::text).containsExactly("4,5", "2,5");
        assertThat(drawing.bars()).extracting(BarChart.Bar::y).containsExactly(4, 30);
        assertThat(drawing.viewBox()).isEqualTo("0 0 640 60");
    }

    @Test
    void anAxisGrowsToTheLargestValueAndNothingToDrawIsEmpty() {
        BarChart.Drawing counts = BarChart.draw(List.of(new BarChart.Value("matched", 8),
                new BarChart.Value("active", 2)), 0, 0, Locale.ENGLISH);

        assertThat(counts.max()).isEqualTo(8);
        assertThat(counts.bars()).extracting(BarChart.Bar::width).containsExactly(320.0, 80.0);
        assertThat(BarChart.draw(List.of(), 5, 1, Locale.ENGLISH).isEmpty()).isTrue();
    }
}
