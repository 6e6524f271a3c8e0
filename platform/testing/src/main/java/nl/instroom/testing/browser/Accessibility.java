package nl.instroom.testing.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Runs axe-core (the WebJar {@code org.webjars.npm:axe-core}) on pages in the browser at WCAG 2.1 level AA, and
 * crawls a signed-in person's pages so that every page a role can reach is checked, also pages added after this
 * was written. Used by the portal's browser tests (against test doubles) and by the journeys on the whole stack.
 */
public final class Accessibility {

    /** The axe-core tags of WCAG 2.0 and 2.1, levels A and AA: what the law asks of Dutch public-sector sites. */
    public static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    /** Links the crawler never follows: signing out, language switches (they change the session), files. */
    private static final Pattern NOT_A_PAGE = Pattern.compile(
            "(?i)(/logout|/signed-out|/webjars/|/css/|/js/|/maps/boundaries|/actuator|download|export|\\.(csv|pdf|png|json|zip)$)");

    private static final String AXE_SOURCE = axeSource();

    private final HeadlessChromium browser;

    public Accessibility(HeadlessChromium browser) {
        this.browser = browser;
    }

    /** One rule broken on one page: the rule, how bad, what it asks, and where (CSS selectors and axe's summary). */
    public record Violation(String page, String rule, String impact, String help, List<String> nodes) {
        @Override
        public String toString() {
            return page + "\n    " + rule + " (" + impact + "): " + help + "\n      - " + String.join("\n      - ", nodes);
        }
    }

    /** What a crawl found: every page it checked, in order, and every violation on them. */
    public record Report(List<String> pages, List<Violation> violations) {
        /** A readable list of the violations, one block per page and rule, for an assertion message. */
        public String describe() {
            StringBuilder text = new StringBuilder(violations.size() + " accessibility violation(s) (axe-core, WCAG 2.1 AA) on "
                    + pages.size() + " page(s):\n");
            violations.forEach(violation -> text.append(violation).append('\n'));
            return text.toString();
        }
    }

    /** Checks the page the browser shows now, once its interactive maps (if any) are drawn. */
    public List<Violation> check() {
        waitForMaps();
        JavascriptExecutor js = (JavascriptExecutor) browser.driver();
        if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe !== 'undefined';"))) {
            js.executeScript(AXE_SOURCE);
        }
        browser.driver().manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        Object result = js.executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})
                  .then(function (r) {
                    done(r.violations.map(function (v) {
                      return {rule: v.id, impact: v.impact || '', help: v.help + ' (' + v.helpUrl + ')',
                        nodes: v.nodes.slice(0, 8).map(function (n) {
                          return n.target.join(' ') + ' :: ' + (n.failureSummary || '').replace(/\\s+/g, ' ');
                        })};
                    }));
                  })
                  .catch(function (e) { done([{rule: 'axe-error', impact: 'error', help: String(e), nodes: []}]); });
                """, WCAG_21_AA);
        String page = browser.currentUrl();
        List<Violation> violations = new ArrayList<>();
        for (Object each : (List<?>) result) {
            Map<?, ?> v = (Map<?, ?>) each;
            violations.add(new Violation(page, (String) v.get("rule"), (String) v.get("impact"), (String) v.get("help"),
                    ((List<?>) v.get("nodes")).stream().map(String::valueOf).toList()));
        }
        return violations;
    }

    /**
     * Opens each start page and follows every same-origin link found ({@code a[href]}, GET only: forms are not
     * sent), breadth first, checking each page. Pages of one shape (the same path with other ids, the same query
     * parameters with other values) are checked once, and at most {@code maxPages} in all, so a list of 200 tutors
     * does not become 200 checks.
     *
     * @param origin     e.g. {@code http://127.0.0.1:8080}; links elsewhere are not followed
     * @param startPaths the role's own pages, e.g. its navigation's first page
     */
    public Report crawl(String origin, List<String> startPaths, int maxPages) {
        Deque<String> queue = new ArrayDeque<>();
        startPaths.forEach(path -> queue.add(origin + path));
        Set<String> shapes = new LinkedHashSet<>();
        List<String> pages = new ArrayList<>();
        List<Violation> violations = new ArrayList<>();
        while (!queue.isEmpty() && pages.size() < maxPages) {
            String url = queue.poll();
            if (!shapes.add(shape(url))) {
                continue;
            }
            browser.open(url);
            if (!browser.currentUrl().startsWith(origin)) {
                continue; // sent elsewhere (signed out?): not a page of this site
            }
            if (!browser.currentUrl().equals(url) && !shapes.add(shape(browser.currentUrl()))) {
                continue; // sent on to a page already checked ("/" to the role's start page)
            }
            pages.add(browser.currentUrl());
            violations.addAll(check());
            for (Object link : (List<?>) ((JavascriptExecutor) browser.driver()).executeScript(
                    "return Array.from(document.querySelectorAll('a[href]')).map(function (a) { return a.href; });")) {
                String href = String.valueOf(link);
                int hash = href.indexOf('#');
                String target = hash < 0 ? href : href.substring(0, hash);
                if (target.startsWith(origin + "/") && !NOT_A_PAGE.matcher(target).find()
                        && !target.contains("lang=") && !shapes.contains(shape(target))) {
                    queue.add(target);
                }
            }
        }
        return new Report(pages, violations);
    }

    /** A page's shape: ids in the path (anything with a digit) and query values left out. */
    static String shape(String url) {
        URI uri = URI.create(url);
        StringBuilder shape = new StringBuilder();
        for (String segment : uri.getPath().split("/")) {
            if (!segment.isEmpty()) {
                shape.append('/').append(segment.matches(".*\\d.*") || segment.length() > 24 ? "{}" : segment);
            }
        }
        Set<String> names = new TreeSet<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                names.add(pair.split("=", 2)[0]);
            }
        }
        return shape + (names.isEmpty() ? "" : "?" + String.join("&", names));
    }

    private void waitForMaps() {
        try {
            new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(driver -> Boolean.TRUE.equals(
                    ((JavascriptExecutor) driver).executeScript("return document.readyState === 'complete' && "
                            + "document.querySelectorAll('[data-map]:not([data-ready])').length === 0;")));
        } catch (TimeoutException e) {
            // a map that never finished is checked as it stands: its SVG fallback is still on the page
        }
    }

    private static String axeSource() {
        ClassLoader loader = Accessibility.class.getClassLoader();
        try (InputStream pom = loader.getResourceAsStream("META-INF/maven/org.webjars.npm/axe-core/pom.properties")) {
            if (pom == null) {
                throw new IllegalStateException("axe-core is not on the class path: add the test dependency "
                        + "org.webjars.npm:axe-core");
            }
            Properties properties = new Properties();
            properties.load(pom);
            String path = "META-INF/resources/webjars/axe-core/" + properties.getProperty("version") + "/axe.min.js";
            try (InputStream script = loader.getResourceAsStream(path)) {
                if (script == null) {
                    throw new IllegalStateException(path + " is missing from the axe-core WebJar");
                }
                return new String(script.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
