package nl.instroom.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every page (a template with a {@code <main>}) ends with the common footer, which links to the accessibility
 * statement: checked on the templates themselves, so a page added later cannot be missed by a crawl that no link
 * leads to it.
 */
class PageTemplatesTest {

    @Test
    void everyPageHasTheFooterWithTheAccessibilityStatement() throws IOException, URISyntaxException {
        Path templates = Path.of(PageTemplatesTest.class.getResource("/templates").toURI());
        List<Path> pages;
        try (Stream<Path> files = Files.walk(templates)) {
            pages = files.filter(file -> file.toString().endsWith(".html")).filter(file -> read(file).contains("<main"))
                    .toList();
        }
        assertThat(pages).as("the pages").hasSizeGreaterThan(40);
        assertThat(pages).allSatisfy(page -> assertThat(read(page)).as(templates.relativize(page).toString())
                .containsPattern("</main>\\s*<footer th:replace=\"~\\{fragments/layout :: footer\\}\"></footer>"));
        assertThat(read(templates.resolve("fragments/layout.html"))).contains("th:href=\"@{/accessibility}\"");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
