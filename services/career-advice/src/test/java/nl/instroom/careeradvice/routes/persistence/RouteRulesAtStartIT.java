package nl.instroom.careeradvice.routes.persistence;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import nl.instroom.careeradvice.CareerAdviceApplication;
import nl.instroom.careeradvice.routes.domain.InvalidRouteBook;
import nl.instroom.testing.InstroomInfrastructure;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** The whole service refuses to start on route rules with a rule that names an unknown question. */
@InstroomInfrastructure
class RouteRulesAtStartIT {

    @Test
    void aRuleNamingAnUnknownQuestionFailsTheStart() {
        SpringApplicationBuilder app = new SpringApplicationBuilder(CareerAdviceApplication.class);

        // As command-line arguments, which win over the service's application.yml, as an operator's setting would.
        assertThatThrownBy(() -> app.run("--server.port=0", "--spring.mongodb.database=career-advice-broken-rules",
                "--instroom.advice.routes-file=classpath:routes/unknown-question.yaml").close())
                .rootCause().isInstanceOf(InvalidRouteBook.class)
                .hasMessageContaining("route zij-instroom-po has a rule naming unknown question highest_degree")
                .asInstanceOf(InstanceOfAssertFactories.throwable(InvalidRouteBook.class))
                .extracting(InvalidRouteBook::faults).asInstanceOf(InstanceOfAssertFactories.LIST).hasSize(1);
    }
}
