package nl.instroom.tutoring.needs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.util.List;
import nl.instroom.events.Sector;
import nl.instroom.events.needmap.NeedComponent;
import nl.instroom.events.needmap.SchoolNeedChanged;
import nl.instroom.events.needmap.SchoolRegistered;
import nl.instroom.events.needmap.SubjectNeed;
import nl.instroom.testing.ApiClient;
import nl.instroom.testing.EventProducer;
import nl.instroom.testing.InstroomInfrastructure;
import nl.instroom.testing.TestInfrastructure;
import nl.instroom.testing.TestTokens;
import nl.instroom.tutoring.needs.domain.SchoolNeedView;
import nl.instroom.tutoring.needs.domain.SchoolNeedViews;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * need-mapping's school and need events, over the real broker, become tutoring's own view of where the need is:
 * the newest need wins, an older one arriving late changes nothing.
 */
@InstroomInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.mongodb.database=tutoring-school-needs")
class SchoolNeedProjectionIT {

    @Autowired
    SchoolNeedViews views;

    @LocalServerPort
    int port;

    private static SchoolNeedChanged needOf(String school, String region, double score, double maths,
            long revision) {
        return new SchoolNeedChanged(school, region, score,
                List.of(new SubjectNeed("wiskunde", maths, BigDecimal.ONE)),
                List.of(new NeedComponent("openFteWeighted", score, 1.0)), revision);
    }

    private static SchoolRegistered aSchool(String code, String region) {
        return new SchoolRegistered(code, "School " + code, Sector.VO, "ZWOLLE", "GM0193", "8011AA", 52.51, 6.09,
                800, region, 1);
    }

    @Test
    void theNewestNeedOfASchoolIsWhatTutoringKnowsWithItsIndexWithinTheRegion(TestInfrastructure infrastructure) {
        try (EventProducer needMapping = EventProducer.as("need-mapping", infrastructure)) {
            needMapping.publish(aSchool("51GF00", "AM36"));
            needMapping.publish(needOf("51GF00", "AM36", 4.0, 2.0, 1));
            needMapping.publish(aSchool("51GG00", "AM36"));
            needMapping.publish(needOf("51GG00", "AM36", 2.0, 1.0, 3));
            needMapping.publish(needOf("51GG00", "AM36", 1.0, 0.5, 2));
            needMapping.publish(needOf("51GG00", "AM36", 1.0, 0.5, 2));

            await().untilAsserted(() -> assertThat(views.find("51GG00")).get()
                    .extracting(SchoolNeedView::needIndex, SchoolNeedView::needRevision)
                    .as("the newest score, 2.0, against the region's highest, 4.0").containsExactly(50.0, 3L));
        }
        JsonNode schools = ApiClient.as(TestTokens.instance().coordinator(), port).get().uri("/api/needs/schools")
                .retrieve().body(JsonNode.class);
        assertThat(schools.findValuesAsString("schoolCode")).contains("51GG00");
        assertThat(views.find("51GG00").orElseThrow().subjectIndex()).containsEntry("wiskunde", 50.0);
        assertThat(views.find("51GF00").orElseThrow().needIndex()).isEqualTo(100.0);
    }

    @Test
    void aNeedArrivingBeforeItsSchoolIsKeptUntilTheSchoolIsKnown(TestInfrastructure infrastructure) {
        try (EventProducer needMapping = EventProducer.as("need-mapping", infrastructure)) {
            needMapping.publish(needOf("52HH00", "AM38", 0.7, 0.7, 1));
            needMapping.publish(aSchool("52HH00", "AM38"));

            await().untilAsserted(() -> assertThat(views.find("52HH00")).get()
                    .extracting(SchoolNeedView::needIndex).as("the region's only school with need").isEqualTo(100.0));
        }
    }
}
