package nl.instroom.portal.charts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A series of values over time as an SVG polyline with a fixed 0–max value axis. */
public final class LineChart {

    public static final int WIDTH = 640;
    public static final int HEIGHT = 240;
    private static final int LEFT = 40;
    private static final int RIGHT = 10;
    private static final int TOP = 10;
    private static final int BOTTOM = 30;

    /** One value and its label (a date). */
    public record Value(String label, double value) {
    }

    /** What the template draws: the polyline, the points, axis ticks. */
    public record Drawing(String polyline, List<Dot> dots, List<Tick> ticks, double max) {

        public boolean isEmpty() {
            return dots.isEmpty();
        }
    }

    public record Dot(double x, double y, String label, double value) {
    }

    public record Tick(double y, String label) {
    }

    private LineChart() {
    }

    /**
     * Values in the order given (oldest first); max is the top of the axis (100 for an index); the axis labels are
     * written as the reader writes numbers (0,25 in Dutch).
     */
    public static Drawing draw(List<Value> values, double max, Locale reader) {
        double top = Math.max(max, values.stream().mapToDouble(Value::value).max().orElse(0));
        top = top <= 0 ? 1 : top;
        double plotWidth = WIDTH - LEFT - RIGHT;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        List<Dot> dots = new ArrayList<>();
        StringBuilder polyline = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            double x = LEFT + (values.size() == 1 ? plotWidth / 2 : plotWidth * i / (values.size() - 1));
            double y = TOP + plotHeight * (1 - values.get(i).value() / top);
            dots.add(new Dot(round(x), round(y), values.get(i).label(), values.get(i).value()));
            polyline.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
        }
        List<Tick> ticks = new ArrayList<>();
        // an index axis reads 0–100 in whole numbers; an FTE axis of about one person needs decimals to be read
        String tickFormat = top >= 40 ? "%.0f" : top >= 4 ? "%.1f" : "%.2f";
        for (int i = 0; i <= 4; i++) {
            double value = top * i / 4;
            ticks.add(new Tick(round(TOP + plotHeight * (1 - (double) i / 4)),
                    String.format(reader, tickFormat, value)));
        }
        return new Drawing(polyline.toString().trim(), dots, ticks, top);
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
