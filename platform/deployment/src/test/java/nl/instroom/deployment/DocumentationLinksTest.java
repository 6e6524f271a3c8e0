package nl.instroom.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every relative link in the repository's Markdown (README, docs, the READMEs beside data and deployment files)
 * points at a file or directory that exists, and a link to a heading ({@code file.md#heading}) at a heading that
 * exists, so a doc that names its code leads to it. Links to the web are not followed.
 */
class DocumentationLinksTest {

    private static final Path ROOT = Repository.root();
    private static final Pattern LINK = Pattern.compile("!?\\[(?:[^\\]\\[]|\\[[^\\]]*\\])*\\]\\(\\s*<?([^)\\s>]+)>?"
            + "(?:\\s+\"[^\"]*\")?\\s*\\)");
    private static final Pattern INLINE_CODE = Pattern.compile("(`+)[^`].*?\\1");
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*?)\\s*#*\\s*$");
    private static final Set<String> NOT_SOURCES = Set.of("target", "data", "node_modules");

    @Test
    void every_relative_link_in_the_markdown_resolves() {
        List<Path> documents = markdownFiles();
        assertThat(documents).contains(ROOT.resolve("README.md"), ROOT.resolve("docs/architecture.md"));

        assertThat(brokenLinks(documents)).isEmpty();
    }

    @Test
    void a_link_to_a_missing_file_or_heading_is_reported() throws IOException {
        Path copy = Files.createTempDirectory(ROOT.resolve("platform/deployment/target"), "docs");
        Files.writeString(copy.resolve("guide.md"), """
                # A guide

                ## Adding an event

                [fine](#adding-an-event), [fine too](guide.md#a-guide), [web](https://example.org/missing),
                [gone](missing.md), [no such heading](guide.md#adding-a-service), `[in code](missing-too.md)`

                ```
                [in a code block](missing-as-well.md)
                ```
                """);

        assertThat(brokenLinks(List.of(copy.resolve("guide.md")))).containsExactly(
                copy.resolve("guide.md") + ": missing.md (no such file)",
                copy.resolve("guide.md") + ": guide.md#adding-a-service (no such heading)");
    }

    /** Each as "document: link (why)". */
    private static List<String> brokenLinks(List<Path> documents) {
        Map<Path, Set<String>> anchors = new HashMap<>();
        List<String> broken = new ArrayList<>();
        for (Path document : documents) {
            for (String target : links(document)) {
                if (target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
                    continue;
                }
                int hash = target.indexOf('#');
                String file = hash < 0 ? target : target.substring(0, hash);
                Path resolved = file.isEmpty() ? document : document.getParent().resolve(file).normalize();
                if (!resolved.startsWith(ROOT)) {
                    broken.add(name(document) + ": " + target + " (outside the repository)");
                } else if (!Files.exists(resolved)) {
                    broken.add(name(document) + ": " + target + " (no such file)");
                } else if (hash >= 0 && resolved.toString().endsWith(".md")
                        && !anchors.computeIfAbsent(resolved, DocumentationLinksTest::anchors)
                                .contains(target.substring(hash + 1))) {
                    broken.add(name(document) + ": " + target + " (no such heading)");
                }
            }
        }
        return broken;
    }

    private static String name(Path document) {
        return document.startsWith(ROOT.resolve("platform/deployment/target")) ? document.toString()
                : ROOT.relativize(document).toString();
    }

    /** The link targets of a document, outside code blocks and inline code. */
    private static List<String> links(Path document) {
        List<String> targets = new ArrayList<>();
        boolean inCode = false;
        for (String line : lines(document)) {
            if (line.trim().startsWith("```")) {
                inCode = !inCode;
                continue;
            }
            if (!inCode) {
                Matcher link = LINK.matcher(INLINE_CODE.matcher(line).replaceAll(""));
                while (link.find()) {
                    targets.add(link.group(1));
                }
            }
        }
        return targets;
    }

    /** The anchors GitHub gives a document's headings: lower case, punctuation dropped, spaces as hyphens. */
    private static Set<String> anchors(Path document) {
        Set<String> anchors = new LinkedHashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        boolean inCode = false;
        for (String line : lines(document)) {
            if (line.trim().startsWith("```")) {
                inCode = !inCode;
                continue;
            }
            Matcher heading = HEADING.matcher(line);
            if (!inCode && heading.matches()) {
                String text = heading.group(1).replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1");
                String anchor = text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
                int count = seen.merge(anchor, 1, Integer::sum);
                anchors.add(count == 1 ? anchor : anchor + "-" + (count - 1));
            }
        }
        return anchors;
    }

    private static List<Path> markdownFiles() {
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files.filter(file -> file.toString().endsWith(".md"))
                    .filter(file -> {
                        for (Path part : ROOT.relativize(file)) {
                            if (NOT_SOURCES.contains(part.toString()) || part.toString().startsWith(".")) {
                                return false;
                            }
                        }
                        return true;
                    })
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> lines(Path document) {
        try {
            return Files.readAllLines(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
