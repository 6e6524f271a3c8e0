package nl.instroom.portal.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class LineChartTest {

    private static final Locale DUTCH = Locale.forLanguageTag("nl");

    @Test
    void higherValuesAreHigherUpAndTimeRunsLeftToRight() {
        LineChart.Drawing drawing = LineChart.draw(List.of(new LineChart.Value("2026-09-01", 40),
                new LineChart.Value("2026-10-01", 55), new LineChart.Value("2026-11-01", 100)), 100, DUTCH);

        List<LineChart.Dot> dots = drawing.dots();
        assertThat(dots.get(0).x()).isLessThan(dots.get(1).x());
        assertThat(dots.get(1).x()).isLessThan(dots.get(2).x());
        assertThat(dots.get(0).y()).isGreaterThan(dots.get(1).y());
        assertThat(dots.get(2).y()).as("the axis top").isEqualTo(drawing.ticks().get(4).y());
        assertThat(drawing.polyline().split(" ")).hasSize(3);
        assertThat(drawing.ticks()).extracting(LineChart.Tick::label).containsExactly("0", "25", "50", "75", "100");
    }

    @Test
    void anAxisOfAboutOnePersonsFteHasTicksThatCanBeToldApartWrittenAsTheReaderWritesNumbers() {
        List<LineChart.Value> fte = List.of(new LineChart.Value("2026-10-01", 0.8),
                new LineChart.Value("2026-11-01", 1.4));

        assertThat(LineChart.draw(fte, 0, DUTCH).ticks()).extracting(LineChart.Tick::label)
                .containsExactly("0,00", "0,35", "0,70", "1,05", "1,40");
        assertThat(LineChart.draw(fte, 0, Locale.ENGLISH).ticks()).extracting(LineChart.Tick::label)
                .containsExactly("0.00", "0.35", "0.70", "1.05", "1.40");
    }

    @Test
    void noValuesDrawNothing() {
        assertThat(LineChart.draw(List.of(), 100, DUTCH).isEmpty()).isTrue();
    }
}
