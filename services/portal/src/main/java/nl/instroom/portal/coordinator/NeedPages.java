package nl.instroom.portal.coordinator;

import static nl.instroom.portal.services.ServiceCalls.Service.CAREER_ADVICE;
import static nl.instroom.portal.services.ServiceCalls.Service.NEED_MAPPING;
import static nl.instroom.portal.services.ServiceCalls.Service.TUTORING;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.instroom.portal.charts.LineChart;
import nl.instroom.portal.charts.RegionMap;
import nl.instroom.portal.maps.MapData;
import nl.instroom.portal.security.PortalUser;
import nl.instroom.portal.services.ServiceCalls;
import nl.instroom.portal.services.ServiceProblem;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.annotation.RegisteredOAuth2AuthorizedClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

@Controller
@RequestMapping("/coordinator")
class NeedPages {

    /** Page sizes offered besides the configured default. */
    static final List<Integer> PAGE_SIZES = List.of(10, 25, 50, 100);

    private final ServiceCalls services;
    private final int rankingPageSize;

    NeedPages(ServiceCalls services, @Value("${instroom.portal.ranking-page-size:50}") int rankingPageSize) {
        this.services = services;
        this.rankingPageSize = rankingPageSize;
    }

    @GetMapping("/map")
    String map(@RegisteredOAuth2AuthorizedClient("instroom") OAuth2AuthorizedClient client,
            Authentication authentication, Model model) {
        List<Map<String, Object>> ranking = services.list(client, NEED_MAPPING, "/api/need/ranking",
                Map.of("region", region(authentication), "limit", 1000));
        List<RegionMap.School> schools = new ArrayList<>();
        for (Map<String, Object> school : ranking) {
            schools.add(new RegionMap.School(text(school.get("vestigingscode")), text(school.get("name")),
                    number(school.get("latitude")), number(school.get("longitude")), number(school.get("index"))));
        }
        model.addAttribute("points", RegionMap.draw(schools));
        model.addAttribute("width", RegionMap.WIDTH);
        model.addAttribute("height", RegionMap.HEIGHT);
        model.addAttribute("top", ranking.subList(0, Math.min(10, ranking.size())));
        model.addAttribute("regionCode", region(authentication));
        model.addAttribute("schoolsJson", MapData.island(markers(ranking)));
        model.addAllAttributes(VacancyHistoryModel.of(services.get(client, NEED_MAPPING,
                "/api/vacancies/history/region", Map.of()), LocaleContextHolder.getLocale()));
        return "coordinator/map";
    }

    /**
     * The schools for the interactive map, from the same ranking the SVG map is drawn from: where each is, how large
     * and in which colour band, and the why of its score — the components that add to or take from it, in the
     * service's own words — with numbers written as the reader writes them. A school without coordinates is left off.
     */
    static List<Map<String, Object>> markers(List<Map<String, Object>> ranking) {
        Locale locale = LocaleContextHolder.getLocale();
        List<Map<String, Object>> markers = new ArrayList<>();
        for (Map<String, Object> school : ranking) {
            double latitude = number(school.get("latitude"));
            double longitude = number(school.get("longitude"));
            if (latitude == 0 && longitude == 0) {
                continue;
            }
            double index = number(school.get("index"));
            List<Map<String, String>> why = new ArrayList<>();
            if (school.get("components") instanceof List<?> components) {
                for (Object item : components) {
                    if (item instanceof Map<?, ?> component && number(component.get("contribution")) != 0) {
                        Map<String, String> part = new LinkedHashMap<>();
                        part.put("explanation", text(component.get("explanation")));
                        part.put("contribution", String.format(locale, "%+.2f", number(component.get("contribution"))));
                        why.add(part);
                    }
                }
            }
            Map<String, Object> marker = new LinkedHashMap<>();
            marker.put("code", text(school.get("vestigingscode")));
            marker.put("name", text(school.get("name")));
            marker.put("place", text(school.get("municipality")) + " · " + text(school.get("sector")));
            marker.put("lat", latitude);
            marker.put("lon", longitude);
            marker.put("index", index);
            marker.put("indexText", String.format(locale, "%.1f", index));
            marker.put("band", RegionMap.band(index));
            marker.put("radius", RegionMap.radius(index));
            marker.put("why", why);
            markers.add(marker);
        }
        return markers;
    }

    /**
     * The region's schools by need, a page at a time. Schools without need are left out unless asked for
     * ({@code all}); every filter, the page and its size are in the address, so a ranking can be bookmarked, shared
     * and paged without losing them. One school more than the page is asked for, so "next" shows only when there is
     * a next page.
     */
    @GetMapping("/ranking")
    String ranking(@RegisteredOAuth2AuthorizedClient("instroom") OAuth2AuthorizedClient client,
            Authentication authentication, @RequestParam(required = false) String subject,
            @RequestParam(required = false) String municipality, @RequestParam(required = false) String sector,
            @RequestParam(defaultValue = "false") boolean all, @RequestParam(defaultValue = "0") int offset,
            @RequestParam(required = false) Integer size, Model model) {
        int from = Math.max(0, offset);
        int pageSize = pageSize(size);
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("region", region(authentication));
        query.put("subject", subject);
        query.put("municipality", municipality);
        query.put("sector", sector);
        query.put("withNeed", !all);
        query.put("offset", from);
        query.put("limit", pageSize + 1);
        List<Map<String, Object>> found = services.list(client, NEED_MAPPING, "/api/need/ranking", query);
        List<Map<String, Object>> ranking = found.subList(0, Math.min(pageSize, found.size()));
        Page page = new Page(subject, municipality, sector, all, pageSize == rankingPageSize ? null : pageSize);
        model.addAttribute("ranking", ranking);
        model.addAttribute("subject", subject);
        model.addAttribute("municipality", municipality);
        model.addAttribute("sector", sector);
        model.addAttribute("all", all);
        model.addAttribute("size", pageSize);
        model.addAttribute("pageSizes", pageSizes());
        model.addAttribute("firstShown", from + 1);
        model.addAttribute("lastShown", from + ranking.size());
        model.addAttribute("region", regionName(client, region(authentication)));
        model.addAttribute("previousPage", from > 0 ? page.at(Math.max(0, from - pageSize)) : null);
        model.addAttribute("nextPage", found.size() > pageSize ? page.at(from + pageSize) : null);
        return "coordinator/ranking";
    }

    /** The sizes a page of the ranking can have: the usual ones and the configured default. */
    private List<Integer> pageSizes() {
        java.util.TreeSet<Integer> sizes = new java.util.TreeSet<>(PAGE_SIZES);
        sizes.add(rankingPageSize);
        return List.copyOf(sizes);
    }

    /** The size asked for when it is one offered; otherwise (none, or one typed into the address) the default. */
    private int pageSize(Integer asked) {
        return asked != null && pageSizes().contains(asked) ? asked : rankingPageSize;
    }

    /** The ranking's filters; {@code size} null for the default page size, which the address leaves out. */
    record Page(String subject, String municipality, String sector, boolean all, Integer size) {

        /** The ranking's address with these filters at this offset: only the filters that are set. */
        String at(int offset) {
            UriComponentsBuilder page = UriComponentsBuilder.fromPath("/coordinator/ranking");
            Map<String, Object> filters = new LinkedHashMap<>();
            filters.put("subject", subject);
            filters.put("municipality", municipality);
            filters.put("sector", sector);
            filters.put("all", all ? "true" : null);
            filters.put("size", size);
            filters.put("offset", offset > 0 ? offset : null);
            filters.forEach((name, value) -> {
                if (value != null && !value.toString().isBlank()) {
                    page.queryParam(name, value);
                }
            });
            return page.encode().build().toUriString();
        }
    }

    /** The periods the referrals page offers, in months; another asked for in the address is the default. */
    static final List<Integer> REFERRAL_MONTHS = List.of(3, 6, 12, 24);

    /**
     * Career switchers the Onderwijsloket referred to the coordinator's region: per sector and subject how many,
     * next to the region's need for that subject, and each by the case's pseudonymous reference (need-mapping's
     * {@code /api/referrals}, from career-advice's events), with how far each got since (in training, working).
     * Those who agreed to be introduced to the region are shown with what they agreed to share, which the portal
     * asks career-advice for itself ({@code /api/introductions}, the coordinator's own region only, audited there);
     * everyone else stays a reference. When career-advice cannot answer, all stay references and the page says so.
     */
    @GetMapping("/referrals")
    String referrals(@RegisteredOAuth2AuthorizedClient("instroom") OAuth2AuthorizedClient client,
            Authentication authentication, @RequestParam(required = false) Integer months, Model model) {
        int period = months != null && REFERRAL_MONTHS.contains(months) ? months : 12;
        model.addAttribute("view", services.get(client, NEED_MAPPING, "/api/referrals",
                Map.of("region", region(authentication), "months", period)));
        Map<String, Map<String, Object>> introduced = new LinkedHashMap<>();
        try {
            for (Map<String, Object> introduction : services.list(client, CAREER_ADVICE, "/api/introductions",
                    Map.of("region", region(authentication)))) {
                introduced.put(text(introduction.get("caseRef")), introduction);
            }
        } catch (ServiceProblem unavailable) {
            model.addAttribute("introductionsUnavailable", true);
        }
        model.addAttribute("introduced", introduced);
        model.addAttribute("months", period);
        model.addAttribute("periods", REFERRAL_MONTHS);
        model.addAttribute("region", regionName(client, region(authentication)));
        return "coordinator/referrals";
    }

    /** The region's name for people, from need-mapping's register; its code when the register cannot say. */
    private String regionName(OAuth2AuthorizedClient client, String code) {
        if (code == null) {
            return "";
        }
        try {
            return services.get(client, NEED_MAPPING, "/api/regions/" + code, Map.of()).get("name") + " (" + code
                    + ")";
        } catch (ServiceProblem problem) {
            return code;
        }
    }

    @GetMapping("/schools/{code}")
    String school(@RegisteredOAuth2AuthorizedClient("instroom") OAuth2AuthorizedClient client,
            @PathVariable String code, Model model) {
        model.addAttribute("school", services.get(client, NEED_MAPPING, "/api/schools/" + code, Map.of()));
        model.addAttribute("need", services.get(client, NEED_MAPPING, "/api/need/schools/" + code, Map.of()));
        List<Map<String, Object>> history = new ArrayList<>(services.list(client, NEED_MAPPING,
                "/api/need/schools/" + code + "/history", Map.of("limit", 100)));
        history.sort((a, b) -> text(a.get("at")).compareTo(text(b.get("at"))));
        List<LineChart.Value> values = new ArrayList<>();
        for (Map<String, Object> point : history) {
            values.add(new LineChart.Value(day(text(point.get("at"))), number(point.get("index"))));
        }
        model.addAttribute("chart", LineChart.draw(values, 100, LocaleContextHolder.getLocale()));
        model.addAttribute("chartWidth", LineChart.WIDTH);
        model.addAttribute("chartHeight", LineChart.HEIGHT);
        List<Map<String, Object>> recent = new ArrayList<>(history);
        Collections.reverse(recent);
        model.addAttribute("history", recent.subList(0, Math.min(12, recent.size())));
        model.addAttribute("placements", services.list(client, TUTORING, "/api/placements",
                Map.of("schoolCode", code)));
        model.addAllAttributes(VacancyHistoryModel.of(services.get(client, NEED_MAPPING,
                "/api/vacancies/history/schools/" + code, Map.of()), LocaleContextHolder.getLocale()));
        return "coordinator/school";
    }

    static String region(Authentication authentication) {
        return PortalUser.of(authentication).region();
    }

    static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    static double number(Object value) {
        return value instanceof Number n ? n.doubleValue() : 0;
    }

    static String day(String instant) {
        return instant.length() >= 10 ? instant.substring(0, 10) : instant;
    }
}
