package nl.instroom.chassis.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.micrometer.tracing.Tracer;
import nl.instroom.chassis.refusal.ChangedMeanwhile;
import nl.instroom.chassis.refusal.InvalidRequest;
import nl.instroom.chassis.refusal.NotPossibleNow;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one place that answers errors: the domain's typed refusals carry their message with 400, 404 or 409; anything
 * else — a programming error, a store that cannot be reached — answers 500 or 503 with a correlation id and nothing
 * of the exception, while the log keeps the stack trace under the same id.
 */
@ExtendWith(OutputCaptureExtension.class)
class ProblemResponsesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String INTERNAL = "Cannot invoke Vacancy.fill() because vacancies.find(...) is null";

    private MongoClient unreachable;
    private MockMvc mvc;

    /** Endpoints that fail the way use cases and stores do. */
    @RestController
    static class Failing {

        private final MongoTemplate store;

        Failing(MongoTemplate store) {
            this.store = store;
        }

        @GetMapping("/invalid")
        void invalid() {
            throw new InvalidRequest("Lesson hours per week must be between 0 and 2000");
        }

        @GetMapping("/not-now")
        void notNow() {
            throw new NotPossibleNow("A filled vacancy cannot be withdrawn");
        }

        @GetMapping("/changed")
        void changed() {
            throw new ChangedMeanwhile("Vacancy v-1 was changed by someone else in the meantime");
        }

        @GetMapping("/missing")
        void missing() {
            throw new NotFoundException("School", "51FL00");
        }

        @GetMapping("/illegal-state")
        void illegalState() {
            throw new IllegalStateException(INTERNAL);
        }

        @GetMapping("/illegal-argument")
        void illegalArgument() {
            throw new IllegalArgumentException(INTERNAL);
        }

        @GetMapping("/store")
        Object store() {
            return store.findById("21CM00", Document.class, "schools");
        }
    }

    @BeforeEach
    void mvc() {
        unreachable = MongoClients.create("mongodb://127.0.0.1:1/?serverSelectionTimeoutMS=300&connectTimeoutMS=200");
        mvc = MockMvcBuilders.standaloneSetup(new Failing(new MongoTemplate(unreachable, "nowhere")))
                .setControllerAdvice(new ProblemResponses(new StaticListableBeanFactory().getBeanProvider(Tracer.class)))
                .build();
    }

    @AfterEach
    void close() {
        unreachable.close();
    }

    @Test
    void theDomainsRefusalsAnswerWithTheirOwnStatusAndMessage() throws Exception {
        assertProblem("/invalid", 400, "Lesson hours per week must be between 0 and 2000");
        assertProblem("/not-now", 409, "A filled vacancy cannot be withdrawn");
        assertProblem("/changed", 409, "Vacancy v-1 was changed by someone else in the meantime");
        assertProblem("/missing", 404, "School 51FL00 was not found");
    }

    @Test
    void anythingElseIsA500WithACorrelationIdAndNothingInternal(CapturedOutput log) throws Exception {
        for (String path : new String[] {"/illegal-state", "/illegal-argument"}) {
            JsonNode problem = assertProblem(path, 500, "Something went wrong on our side");
            String correlationId = problem.get("correlationId").asString();

            assertThat(correlationId).isNotBlank();
            assertThat(problem.toString()).doesNotContain(INTERNAL).doesNotContain("Vacancy")
                    .doesNotContain("Illegal").doesNotContain("Exception").doesNotContain("java.");
            assertThat(log.getAll()).as("the log keeps what the answer leaves out, under the same id")
                    .contains(correlationId).contains(INTERNAL).contains("at nl.instroom.chassis.web");
        }
    }

    @Test
    void aStoreThatCannotBeReachedIsA503WithoutItsAddressOrDriverText(CapturedOutput log) throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/store")).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        assertThat(response.getHeader("Retry-After")).isNotBlank();
        JsonNode problem = JSON.readTree(response.getContentAsString());
        assertThat(problem.get("correlationId").asString()).isNotBlank();
        assertThat(response.getContentAsString()).doesNotContain("127.0.0.1").doesNotContain("mongo")
                .doesNotContain("Mongo").doesNotContain("Exception").doesNotContain("nowhere");
        assertThat(log.getAll()).contains(problem.get("correlationId").asString()).contains("127.0.0.1:1");
    }

    private JsonNode assertProblem(String path, int status, String detail) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(path)).andReturn().getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(status);
        assertThat(response.getContentType()).as(path).isEqualTo("application/problem+json");
        JsonNode problem = JSON.readTree(response.getContentAsString());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("detail").asString()).startsWith(detail);
        return problem;
    }
}
