package nl.instroom.portal.coordinator;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.instroom.portal.charts.BarChart;

/**
 * need-mapping's vacancy history (a school's or a region's twelve months) as the page shows it: a bar per month of
 * the vacancies open at its end, and a table of every figure of every month — opened, filled, withdrawn, open at the
 * end, median days to fill — so no number is read from a bar alone.
 */
final class VacancyHistoryModel {

    private VacancyHistoryModel() {
    }

    /** The model's attributes: {@code historyChart} (the bars) and {@code historyMonths} (the table's rows). */
    static Map<String, Object> of(Map<String, Object> history, Locale reader) {
        DateTimeFormatter monthName = DateTimeFormatter.ofPattern("MMM yyyy", reader);
        List<BarChart.Value> bars = new ArrayList<>();
        List<Map<String, Object>> rows = new ArrayList<>();
        if (history.get("months") instanceof List<?> months) {
            for (Object item : months) {
                if (!(item instanceof Map<?, ?> month)) {
                    continue;
                }
                String label = label(month.get("month"), monthName);
                bars.add(new BarChart.Value(label, NeedPages.number(month.get("openAtEnd"))));
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("month", label);
                row.put("opened", whole(month.get("opened")));
                row.put("filled", whole(month.get("filled")));
                row.put("withdrawn", whole(month.get("withdrawn")));
                row.put("openAtEnd", whole(month.get("openAtEnd")));
                row.put("medianDaysToFill", month.get("medianDaysToFill") instanceof Number median
                        ? String.format(reader, "%.1f", median.doubleValue()) : "\u2013");
                rows.add(row);
            }
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("historyChart", BarChart.draw(bars, 0, 0, reader));
        model.put("historyMonths", rows);
        model.put("historyComplete", !Boolean.FALSE.equals(history.get("complete")));
        return model;
    }

    /** The month as the reader names it ("nov. 2026"); as sent when it is not a month. */
    private static String label(Object month, DateTimeFormatter monthName) {
        String text = NeedPages.text(month);
        try {
            return YearMonth.parse(text).format(monthName);
        } catch (java.time.format.DateTimeParseException e) {
            return text;
        }
    }

    private static long whole(Object value) {
        return Math.round(NeedPages.number(value));
    }
}
