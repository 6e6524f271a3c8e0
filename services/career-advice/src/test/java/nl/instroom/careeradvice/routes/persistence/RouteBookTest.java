package nl.instroom.careeradvice.routes.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import nl.instroom.careeradvice.routes.domain.InvalidRouteBook;
import nl.instroom.careeradvice.routes.domain.QuestionNotAsked;
import nl.instroom.careeradvice.routes.domain.RouteBook;
import nl.instroom.careeradvice.routes.domain.UnknownAnswer;
import org.junit.jupiter.api.Test;

/** The rules are checked whole when read; answering keeps only what the rules still ask. */
class RouteBookTest {

    static final String VALID = """
            version: "test-1"
            published: "2026-09-01"
            questions:
              - id: sector
                text: Sector?
                options: [{value: po, label: po}, {value: vo, label: vo}]
              - id: subject
                text: Vak?
                askedWhen: {sector: [vo]}
                options: [{value: wiskunde, label: Wiskunde}, {value: engels, label: Engels}]
              - id: degree
                text: Diploma?
                options: [{value: hbo, label: hbo}, {value: none, label: geen}]
            routes:
              - id: vo-route
                name: Een vo-route
                summary: Voor het vo.
                qualification: tweedegraads
                requires:
                  - {question: sector, in: [vo], fits: Je wilt vo., misses: Alleen vo.}
                  - {question: degree, in: [hbo], fits: Je hebt hbo., misses: Hbo nodig.}
                steps: [Doe iets]
                duration: 2 jaar
                costs: collegegeld
                sources: [{title: Bron, url: 'https://www.rijksoverheid.nl/'}]
            """;

    static RouteBook read(String yaml) {
        InputStream in = new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8));
        return RouteBookFile.read(in, "test");
    }

    @Test
    void aRuleNamingAnUnknownQuestionIsRefusedWithTheRuleNamed() {
        assertThatThrownBy(() -> read(VALID.replace("{question: degree,", "{question: diploma,")))
                .isInstanceOf(InvalidRouteBook.class)
                .hasMessageContaining("route vo-route has a rule naming unknown question diploma");
    }

    @Test
    void anAnswerTheQuestionDoesNotOfferAQuestionDependingOnALaterOneAndAMissingSourceAreRefused() {
        assertThatThrownBy(() -> read(VALID.replace("in: [hbo]", "in: [wo]")))
                .hasMessageContaining("requires answer wo that question degree does not offer");
        assertThatThrownBy(() -> read(VALID.replace("askedWhen: {sector: [vo]}", "askedWhen: {degree: [hbo]}")))
                .hasMessageContaining("question subject is asked after question degree, which is unknown or not "
                        + "asked before it");
        assertThatThrownBy(() -> read(VALID.replace("sources: [{title: Bron, url: 'https://www.rijksoverheid.nl/'}]",
                "sources: []"))).hasMessageContaining("route vo-route names no source");
    }

    @Test
    void theShippedRulesAreValidAndEveryRouteNamesItsSources() {
        RouteBook book = RouteBookFile.read(getClass().getResourceAsStream("/routes/routes.yaml"), "routes.yaml");

        assertThat(book.routes()).hasSizeGreaterThanOrEqualTo(12).allSatisfy(route -> {
            assertThat(route.sources()).isNotEmpty();
            assertThat(route.steps()).isNotEmpty();
        });
        assertThat(book.routes()).extracting(RouteBook.Route::id).contains("zij-instroom-po", "zij-instroom-vo",
                "pdg-mbo", "deeltijd-pabo", "deeltijd-tweedegraads", "educatieve-master", "educatieve-minor");
    }

    @Test
    void rulesInAFileOutsideTheJarAreReadByTheirPlainPath(@org.junit.jupiter.api.io.TempDir java.nio.file.Path folder)
            throws java.io.IOException {
        java.nio.file.Path file = folder.resolve("routes.yaml");
        java.nio.file.Files.writeString(file, VALID);

        RouteBook book = new RouteBookFile().routeBook(new nl.instroom.careeradvice.AdviceSettings(null,
                file.toString()));

        assertThat(book.version()).isEqualTo("test-1");
    }

    @Test
    void questionsAreAskedOnlyAfterTheAnswersTheyDependOnAndAChangedAnswerDropsWhatNoLongerApplies() {
        RouteBook book = read(VALID);

        Map<String, String> answers = book.answer(Map.of(), "sector", "vo");
        assertThat(book.next(answers)).map(RouteBook.Question::id).contains("subject");
        answers = book.answer(answers, "subject", "wiskunde");
        answers = book.answer(answers, "degree", "hbo");
        assertThat(book.next(answers)).isEmpty();
        assertThat(book.verdicts(answers)).singleElement().satisfies(verdict -> {
            assertThat(verdict.fits()).isTrue();
            assertThat(verdict.reasons()).containsExactly("Je wilt vo.", "Je hebt hbo.");
        });

        Map<String, String> changed = book.answer(answers, "sector", "po");
        assertThat(changed).containsOnlyKeys("sector", "degree");
        assertThat(book.verdicts(changed)).singleElement().satisfies(verdict -> {
            assertThat(verdict.fits()).isFalse();
            assertThat(verdict.reasons()).containsExactly("Alleen vo.");
        });
        Map<String, String> asPo = changed;
        assertThatThrownBy(() -> book.answer(asPo, "subject", "engels")).isInstanceOf(QuestionNotAsked.class);
        assertThatThrownBy(() -> book.answer(asPo, "degree", "mbo")).isInstanceOf(UnknownAnswer.class);
    }
}
