package nl.instroom.portal.charts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Horizontal bars, one per labelled value, against a fixed 0–max axis (the scouting funnel's drawing, made
 * reusable): the label left, the bar, the value written after it, so no bar is read by its length or colour alone.
 */
public final class BarChart {

    public static final int WIDTH = 640;
    public static final int ROW = 26;
    private static final int LABEL_WIDTH = 260;
    private static final int BAR_SPACE = 320;

    /** One value to draw and its label as the reader reads it. */
    public record Value(String label, double value) {
    }

    /** One drawn bar: where it is, how wide, and its value as the reader writes numbers. */
    public record Bar(String label, double value, String text, int y, double width) {

        /** The baseline of the bar's texts. */
        public int textY() {
            return y + 16;
        }

        /** Where the value is written: just after the bar. */
        public double textX() {
            return LABEL_WIDTH + width + 8;
        }
    }

    /** What the template draws: the bars and the picture's height. */
    public record Drawing(List<Bar> bars, int height, double max) {

        public boolean isEmpty() {
            return bars.isEmpty();
        }

        public int barX() {
            return LABEL_WIDTH;
        }

        public String viewBox() {
            return "0 0 " + WIDTH + " " + height;
        }
    }

    private BarChart() {
    }

    /**
     * Bars in the order given; the axis runs to {@code max} (5 for a feedback score) or to the largest value when
     * that is larger; values are written with {@code decimals} decimals in the reader's way (4,5 in Dutch).
     */
    public static Drawing draw(List<Value> values, double max, int decimals, Locale reader) {
        double top = Math.max(max, values.stream().mapToDouble(Value::value).max().orElse(0));
        top = top <= 0 ? 1 : top;
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            Value value = values.get(i);
            double width = Math.round(10 * BAR_SPACE * Math.max(0, value.value()) / top) / 10.0;
            bars.add(new Bar(value.label(), value.value(), String.format(reader, "%." + decimals + "f",
                    value.value()), i * ROW + 4, width));
        }
        return new Drawing(bars, values.size() * ROW + 8, top);
    }
}
