package nl.instroom.portal.national;

import static nl.instroom.portal.services.ServiceCalls.Service.NEED_MAPPING;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.instroom.portal.charts.NationalMap;
import nl.instroom.portal.maps.MapData;
import nl.instroom.portal.services.ServiceCalls;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.annotation.RegisteredOAuth2AuthorizedClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The national picture: need-mapping's figures per region ({@code GET /api/need/national}) as a table sorted by
 * weighted need per 1,000 pupils and as a map of the 35 regions, for all subjects or one. The reader's own region
 * (a coordinator's) is marked in both. Aggregates only: no school, no person.
 */
@Controller
class NationalPages {

    /** One region's row: its figures for all subjects, or for the chosen one (departures and tutors stay whole). */
    record Row(int rank, String code, String name, int schools, long pupils, double openFte, double perThousand,
            double expectedDeparturesFte, int tutorsActive, boolean yours) {
    }

    private final ServiceCalls services;
    private final List<NationalMap.Outline> outlines = RegionOutlines.load();

    private final MessageSource messages;

    NationalPages(ServiceCalls services, MessageSource messages) {
        this.services = services;
        this.messages = messages;
    }

    @GetMapping("/national")
    String national(@RegisteredOAuth2AuthorizedClient("instroom") OAuth2AuthorizedClient client,
            @RequestParam(required = false) String subject, Model model) {
        Map<String, Object> national = services.get(client, NEED_MAPPING, "/api/need/national", Map.of());
        List<String> subjects = strings(national.get("subjects"));
        String chosen = subject != null && subjects.contains(subject) ? subject : null;
        // The reader's region as need-mapping read it from the token: one rule, in the service that checks tokens.
        String yours = national.get("yourRegion") instanceof String region ? region : null;
        List<Row> rows = new ArrayList<>();
        for (Map<String, Object> region : maps(national.get("regions"))) {
            rows.add(row(region, chosen, yours));
        }
        rows.sort(Comparator.comparingDouble(Row::perThousand).reversed().thenComparing(Row::code));
        List<Row> ranked = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            ranked.add(new Row(i + 1, row.code(), row.name(), row.schools(), row.pupils(), row.openFte(),
                    row.perThousand(), row.expectedDeparturesFte(), row.tutorsActive(), row.yours()));
        }
        Map<String, Double> values = new LinkedHashMap<>();
        ranked.forEach(row -> values.put(row.code(), row.perThousand()));
        model.addAttribute("rows", ranked);
        model.addAttribute("country", national.get("country") instanceof Map<?, ?> country
                ? row(cast(country), chosen, null) : null);
        model.addAttribute("yourRow", ranked.stream().filter(Row::yours).findFirst().orElse(null));
        model.addAttribute("subjects", subjects);
        model.addAttribute("subject", chosen);
        List<NationalMap.Area> areas = NationalMap.draw(outlines, values, yours);
        model.addAttribute("areas", areas);
        model.addAttribute("regionsJson", MapData.island(mapRegions(areas, ranked)));
        model.addAttribute("width", NationalMap.WIDTH);
        model.addAttribute("height", NationalMap.HEIGHT);
        return "national/overview";
    }

    /**
     * The regions for the interactive map, by code: the same colour band as the SVG map, the same title, and the
     * place in the table; the map's script draws them on CBS's outlines ({@code /maps/boundaries/regions}).
     */
    private Map<String, Map<String, Object>> mapRegions(List<NationalMap.Area> areas, List<Row> ranked) {
        Map<String, Integer> ranks = new LinkedHashMap<>();
        ranked.forEach(row -> ranks.put(row.code(), row.rank()));
        Map<String, Map<String, Object>> regions = new LinkedHashMap<>();
        for (NationalMap.Area area : areas) {
            Map<String, Object> region = new LinkedHashMap<>();
            region.put("band", area.band());
            region.put("yours", area.yours());
            region.put("rank", ranks.getOrDefault(area.code(), 0));
            region.put("title", messages.getMessage("national.areaTitle", new Object[] {area.name(), area.code(),
                    String.format(LocaleContextHolder.getLocale(), "%.2f", area.value())},
                    LocaleContextHolder.getLocale()));
            regions.put(area.code(), region);
        }
        return regions;
    }

    private static Row row(Map<String, Object> region, String subject, String yours) {
        String code = text(region.get("code"));
        double openFte = number(region.get("openFte"));
        double perThousand = number(region.get("weightedNeedPer1000Pupils"));
        if (subject != null) {
            Map<String, Object> figures = region.get("subjects") instanceof Map<?, ?> subjects
                    && subjects.get(subject) instanceof Map<?, ?> one ? cast(one) : Map.of();
            openFte = number(figures.get("openFte"));
            perThousand = number(figures.get("weightedNeedPer1000Pupils"));
        }
        return new Row(0, code, text(region.get("name")), (int) number(region.get("schools")),
                (long) number(region.get("pupils")), openFte, perThousand,
                number(region.get("expectedDeparturesFte")), (int) number(region.get("tutorsActive")),
                code.equals(yours));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }

    private static List<Map<String, Object>> maps(Object value) {
        List<Map<String, Object>> maps = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.forEach(item -> {
                if (item instanceof Map<?, ?> map) {
                    maps.add(cast(map));
                }
            });
        }
        return maps;
    }

    private static List<String> strings(Object value) {
        List<String> strings = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.forEach(item -> strings.add(String.valueOf(item)));
        }
        return strings;
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private static double number(Object value) {
        return value instanceof Number n ? n.doubleValue() : 0;
    }
}
