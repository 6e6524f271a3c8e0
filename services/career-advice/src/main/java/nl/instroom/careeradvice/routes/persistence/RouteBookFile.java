package nl.instroom.careeradvice.routes.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.instroom.careeradvice.AdviceSettings;
import nl.instroom.careeradvice.routes.domain.InvalidRouteBook;
import nl.instroom.careeradvice.routes.domain.RouteBook;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads the route finder's rules from their YAML file ({@code instroom.advice.routes-file}, by default
 * {@code routes/routes.yaml} on the classpath) once at start. A file that cannot be read, is not shaped like rules,
 * or whose rules do not hold together ({@link RouteBook#of}) stops the start with every fault named.
 */
@Configuration
public class RouteBookFile {

    @Bean
    RouteBook routeBook(AdviceSettings settings) {
        Resource resource = AdviceSettings.resource(settings.routesFile());
        try (InputStream in = resource.getInputStream()) {
            return read(in, settings.routesFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the route rules " + settings.routesFile(), e);
        }
    }

    /** Parses and checks rules; throws {@link InvalidRouteBook} for rules that do not hold together. */
    public static RouteBook read(InputStream in, String name) {
        Object loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        if (!(loaded instanceof Map<?, ?> root)) {
            throw new InvalidRouteBook(name, List.of("the file holds no rules"));
        }
        List<String> faults = new ArrayList<>();
        List<RouteBook.Question> questions = new ArrayList<>();
        for (Map<?, ?> question : maps(root.get("questions"), "questions", faults)) {
            List<RouteBook.Option> options = new ArrayList<>();
            for (Map<?, ?> option : maps(question.get("options"), "options of " + question.get("id"), faults)) {
                options.add(new RouteBook.Option(text(option.get("value")), text(option.get("label"))));
            }
            Map<String, Set<String>> askedWhen = new LinkedHashMap<>();
            if (question.get("askedWhen") instanceof Map<?, ?> when) {
                when.forEach((other, values) -> askedWhen.put(text(other), strings(values)));
            }
            questions.add(new RouteBook.Question(text(question.get("id")), text(question.get("text")), options,
                    askedWhen));
        }
        List<RouteBook.Route> routes = new ArrayList<>();
        for (Map<?, ?> route : maps(root.get("routes"), "routes", faults)) {
            String id = text(route.get("id"));
            List<RouteBook.Condition> requires = new ArrayList<>();
            for (Map<?, ?> condition : maps(route.get("requires"), "requires of " + id, faults)) {
                requires.add(new RouteBook.Condition(text(condition.get("question")), strings(condition.get("in")),
                        text(condition.get("fits")), text(condition.get("misses"))));
            }
            List<RouteBook.Subsidy> subsidies = new ArrayList<>();
            if (route.get("subsidies") != null) {
                for (Map<?, ?> subsidy : maps(route.get("subsidies"), "subsidies of " + id, faults)) {
                    subsidies.add(new RouteBook.Subsidy(text(subsidy.get("name")), text(subsidy.get("description")),
                            text(subsidy.get("source"))));
                }
            }
            List<RouteBook.Source> sources = new ArrayList<>();
            for (Map<?, ?> source : maps(route.get("sources"), "sources of " + id, faults)) {
                sources.add(new RouteBook.Source(text(source.get("title")), text(source.get("url"))));
            }
            routes.add(new RouteBook.Route(id, text(route.get("name")), text(route.get("summary")),
                    text(route.get("qualification")), requires, List.copyOf(strings(route.get("steps"))),
                    text(route.get("duration")), text(route.get("costs")), subsidies, sources));
        }
        String version = text(root.get("version"));
        if (!faults.isEmpty()) {
            throw new InvalidRouteBook(version == null ? name : version, faults);
        }
        return RouteBook.of(version, text(root.get("published")), questions, routes);
    }

    private static List<Map<?, ?>> maps(Object value, String what, List<String> faults) {
        List<Map<?, ?>> maps = new ArrayList<>();
        if (!(value instanceof List<?> list)) {
            faults.add(what + " is not a list");
            return maps;
        }
        for (Object element : list) {
            if (element instanceof Map<?, ?> map) {
                maps.add(map);
            } else {
                faults.add(what + " holds something that is not a mapping: " + element);
            }
        }
        return maps;
    }

    private static Set<String> strings(Object value) {
        Set<String> strings = new LinkedHashSet<>();
        if (value instanceof List<?> list) {
            list.forEach(element -> strings.add(text(element)));
        } else if (value != null) {
            strings.add(text(value));
        }
        return strings;
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value).strip();
    }
}
