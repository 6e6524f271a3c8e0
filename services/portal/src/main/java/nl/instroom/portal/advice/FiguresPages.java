package nl.instroom.portal.advice;

import static nl.instroom.portal.services.ServiceCalls.Service.CAREER_ADVICE;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.instroom.portal.charts.BarChart;
import nl.instroom.portal.services.ServiceCalls;
import org.springframework.context.MessageSource;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.annotation.RegisteredOAuth2AuthorizedClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The desk's figures for advisers: advised per month, the phase funnel, cases that left by reason, referrals per
 * region (and per region and subject as a table), the route finder's use — each chart with the table of its numbers
 * — and the yearly report over a school year. Counts from career-advice, with the adviser's own token.
 */
@Controller
@RequestMapping("/advisor/figures")
class FiguresPages {

    private final ServiceCalls services;
    private final MessageSource messages;

    FiguresPages(ServiceCalls services, MessageSource messages) {
        this.services = services;
        this.messages = messages;
    }

    @GetMapping
    String figures(@RegisteredOAuth2AuthorizedClient("instroom") OAuth2AuthorizedClient client, Locale locale,
            Model model) {
        Map<String, Object> period = services.get(client, CAREER_ADVICE, "/api/figures", Map.of());
        model.addAttribute("report", false);
        show(period, locale, model);
        return "advice/figures";
    }

    @GetMapping("/yearly-report")
    String yearly(@RegisteredOAuth2AuthorizedClient("instroom") OAuth2AuthorizedClient client,
            @RequestParam(required = false) String year, Locale locale, Model model) {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("year", year == null || year.isBlank() ? null : year.strip());
        Map<String, Object> report = services.get(client, CAREER_ADVICE, "/api/figures/yearly-report", query);
        model.addAttribute("report", true);
        model.addAttribute("yearly", report);
        show(map(report.get("figures")), locale, model);
        return "advice/figures";
    }

    private void show(Map<String, Object> period, Locale locale, Model model) {
        Map<String, Object> totals = map(period.get("totals"));
        model.addAttribute("period", period);
        model.addAttribute("from", month(period.get("from"), locale));
        model.addAttribute("to", month(period.get("to"), locale));
        model.addAttribute("totals", totals);
        model.addAttribute("referrals", list(totals.get("referrals")));
        model.addAttribute("referralsTotal", Math.round(map(totals.get("referralsPerRegion")).values().stream()
                .mapToDouble(FiguresPages::number).sum()));
        // each chart has its heading and, below it, a table of the same numbers (the chart's text alternative)
        model.addAttribute("charts", List.of(
                chart("advised", perMonth(period, "advised", locale), locale),
                chart("funnel", keyed(map(totals.get("funnel")), "advice.phase.", locale), locale),
                chart("left", keyed(map(totals.get("left")), "advice.reason.", locale), locale),
                chart("regions", keyed(map(totals.get("referralsPerRegion")), null, locale), locale),
                chart("routeFinder", perMonth(period, "routeFinderSessionsStarted", locale), locale),
                chart("routesShown", keyed(map(totals.get("routesShown")), null, locale), locale)));
    }

    private static Map<String, Object> chart(String name, List<BarChart.Value> values, Locale locale) {
        return Map.of("name", name, "chart", BarChart.draw(values, 0, 0, locale));
    }

    /** One bar per month of the period, labelled as the reader names months. */
    List<BarChart.Value> perMonth(Map<String, Object> period, String figure, Locale locale) {
        List<BarChart.Value> values = new ArrayList<>();
        for (Object month : list(period.get("months"))) {
            Map<String, Object> figures = map(month);
            values.add(new BarChart.Value(month(figures.get("month"), locale), number(figures.get(figure))));
        }
        return values;
    }

    /** One bar per key in the order given, labelled by its message ({@code prefix + key}) or the key itself. */
    List<BarChart.Value> keyed(Map<String, Object> counts, String prefix, Locale locale) {
        List<BarChart.Value> values = new ArrayList<>();
        counts.forEach((key, count) -> values.add(new BarChart.Value(prefix == null ? key
                : messages.getMessage(prefix + key, null, key, locale), number(count))));
        return values;
    }

    static String month(Object month, Locale locale) {
        try {
            return YearMonth.parse(String.valueOf(month)).format(DateTimeFormatter.ofPattern("MMM yyyy", locale));
        } catch (DateTimeParseException e) {
            return String.valueOf(month);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> list ? list : List.of();
    }

    private static double number(Object value) {
        return value instanceof Number n ? n.doubleValue() : 0;
    }
}
