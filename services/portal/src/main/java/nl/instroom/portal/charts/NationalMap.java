package nl.instroom.portal.charts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The 35 labour-market regions as SVG paths, each coloured by a figure comparable between regions (weighted need
 * per 1,000 pupils): an equirectangular projection of the country's bounding box, corrected for latitude — at the
 * scale of the Netherlands that is indistinguishable from a proper map projection, and needs no tile server.
 */
public final class NationalMap {

    public static final int WIDTH = 560;
    public static final int HEIGHT = 660;
    private static final int MARGIN = 10;

    /** A region's outline: its rings (outer boundaries and holes), each a list of {longitude, latitude}. */
    public record Outline(String code, String name, List<List<double[]>> rings) {
    }

    /**
     * A drawn region: its path, its colour band, its figure, and whether it is the reader's own (drawn last, with a
     * thicker border, so it stays visible).
     */
    public record Area(String code, String name, String path, String band, double value, boolean yours) {
    }

    private NationalMap() {
    }

    /**
     * @param values each region's figure by its code; a region without one counts as 0
     * @param yourRegion the reader's region code, or null
     */
    public static List<Area> draw(List<Outline> outlines, Map<String, Double> values, String yourRegion) {
        if (outlines.isEmpty()) {
            return List.of();
        }
        double minLat = Double.MAX_VALUE;
        double maxLat = -Double.MAX_VALUE;
        double minLon = Double.MAX_VALUE;
        double maxLon = -Double.MAX_VALUE;
        for (Outline outline : outlines) {
            for (List<double[]> ring : outline.rings()) {
                for (double[] point : ring) {
                    minLon = Math.min(minLon, point[0]);
                    maxLon = Math.max(maxLon, point[0]);
                    minLat = Math.min(minLat, point[1]);
                    maxLat = Math.max(maxLat, point[1]);
                }
            }
        }
        double lonScale = Math.cos(Math.toRadians((minLat + maxLat) / 2));
        double scale = Math.min((WIDTH - 2 * MARGIN) / Math.max((maxLon - minLon) * lonScale, 1e-6),
                (HEIGHT - 2 * MARGIN) / Math.max(maxLat - minLat, 1e-6));
        double offsetX = (WIDTH - (maxLon - minLon) * lonScale * scale) / 2;
        double offsetY = (HEIGHT - (maxLat - minLat) * scale) / 2;
        double highest = values.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        List<Area> areas = new ArrayList<>();
        for (Outline outline : outlines) {
            StringBuilder path = new StringBuilder();
            for (List<double[]> ring : outline.rings()) {
                for (int i = 0; i < ring.size(); i++) {
                    double x = offsetX + (ring.get(i)[0] - minLon) * lonScale * scale;
                    double y = HEIGHT - (offsetY + (ring.get(i)[1] - minLat) * scale);
                    path.append(i == 0 ? "M" : "L").append(round(x)).append(',').append(round(y));
                }
                path.append('Z');
            }
            double value = values.getOrDefault(outline.code(), 0.0);
            areas.add(new Area(outline.code(), outline.name(), path.toString(), band(value, highest), value,
                    outline.code().equals(yourRegion)));
        }
        areas.sort(Comparator.comparing(Area::yours));
        return areas;
    }

    /**
     * Colour band of a figure relative to the highest region's: the legend explains them, so colour is never the
     * only carrier of meaning (the table next to the map gives every figure).
     */
    static String band(double value, double highest) {
        if (highest <= 0 || value <= 0) {
            return "none";
        }
        double share = value / highest;
        if (share >= 2.0 / 3) {
            return "high";
        }
        return share >= 1.0 / 3 ? "medium" : "low";
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
