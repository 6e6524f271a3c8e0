package nl.instroom.portal.charts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Schools as points on an equirectangular projection of their bounding box (fine at a region's scale), sized and
 * coloured by need index. Larger needs are drawn last so they stay visible on top.
 */
public final class RegionMap {

    public static final int WIDTH = 800;
    public static final int HEIGHT = 600;
    private static final int MARGIN = 30;

    /** A school to place. */
    public record School(String code, String name, double latitude, double longitude, double needIndex) {
    }

    /** A drawn point: where, how large, which colour band, and the text a screen reader and tooltip give. */
    public record Point(String code, String name, double x, double y, double radius, String band, double needIndex) {
    }

    private RegionMap() {
    }

    public static List<Point> draw(List<School> schools) {
        if (schools.isEmpty()) {
            return List.of();
        }
        double minLat = schools.stream().mapToDouble(School::latitude).min().orElseThrow();
        double maxLat = schools.stream().mapToDouble(School::latitude).max().orElseThrow();
        double minLon = schools.stream().mapToDouble(School::longitude).min().orElseThrow();
        double maxLon = schools.stream().mapToDouble(School::longitude).max().orElseThrow();
        // a degree of longitude is shorter than one of latitude this far north
        double lonScale = Math.cos(Math.toRadians((minLat + maxLat) / 2));
        double spanX = Math.max((maxLon - minLon) * lonScale, 1e-6);
        double spanY = Math.max(maxLat - minLat, 1e-6);
        double scale = Math.min((WIDTH - 2 * MARGIN) / spanX, (HEIGHT - 2 * MARGIN) / spanY);
        double offsetX = (WIDTH - spanX * scale) / 2;
        double offsetY = (HEIGHT - spanY * scale) / 2;
        List<Point> points = new ArrayList<>();
        for (School school : schools) {
            // a region one school wide (or tall) has no extent to scale: its schools sit on the centre line
            double x = maxLon == minLon ? WIDTH / 2.0 : offsetX + (school.longitude() - minLon) * lonScale * scale;
            double y = maxLat == minLat ? HEIGHT / 2.0 : HEIGHT - (offsetY + (school.latitude() - minLat) * scale);
            points.add(new Point(school.code(), school.name(), round(x), round(y), radius(school.needIndex()),
                    band(school.needIndex()), school.needIndex()));
        }
        points.sort(Comparator.comparingDouble(Point::needIndex));
        return points;
    }

    /** 4 px for no need up to 18 px for the region's greatest (index 0–100); the interactive map uses it too. */
    public static double radius(double needIndex) {
        double clamped = Math.max(0, Math.min(100, needIndex));
        return round(4 + 14 * Math.sqrt(clamped / 100));
    }

    /** Colour band: the legend explains them, so colour is never the only carrier of meaning. */
    public static String band(double needIndex) {
        if (needIndex >= 66) {
            return "high";
        }
        if (needIndex >= 33) {
            return "medium";
        }
        return "low";
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
