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

    private static SchoolNeedChanged needOf(String school, double index, double maths, long revision) {
        return new SchoolNeedChanged(school, "AM36", index,
                List.of(new SubjectNeed("wiskunde", maths, BigDecimal.ONE)),
                List.of(new NeedComponent("openFteWeighted", 1.25, 1.0)), revision);
    }

    @Test
    void theNewestNeedOfASchoolIsWhatTutoringKnows(TestInfrastructure infrastructure) {
        try (EventProducer needMapping = EventProducer.as("need-mapping", infrastructure)) {
            needMapping.publish(new SchoolRegistered("51GG00", "Het Meander", Sector.VO, "ZWOLLE", "GM0193", "8011AA",
                    52.51, 6.09, 800, "AM36", 1));
            needMapping.publish(needOf("51GG00", 100.0, 100.0, 3));
            needMapping.publish(needOf("51GG00", 40.0, 40.0, 2));
            needMapping.publish(needOf("51GG00", 40.0, 40.0, 2));

            await().untilAsserted(() -> assertThat(views.find("51GG00")).get()
                    .extracting(SchoolNeedView::needIndex, SchoolNeedView::needRevision).containsExactly(100.0, 3L));
        }
        JsonNode schools = ApiClient.as(TestTokens.instance().coordinator(), port).get().uri("/api/needs/schools")
                .retrieve().body(JsonNode.class);
        assertThat(schools.findValuesAsString("schoolCode")).contains("51GG00");
        assertThat(views.find("51GG00").orElseThrow().subjectIndex()).containsEntry("wiskunde", 100.0);
    }

    @Test
    void aNeedArrivingBeforeItsSchoolIsKeptUntilTheSchoolIsKnown(TestInfrastructure infrastructure) {
        try (EventProducer needMapping = EventProducer.as("need-mapping", infrastructure)) {
            needMapping.publish(needOf("52HH00", 70.0, 70.0, 1));
            needMapping.publish(new SchoolRegistered("52HH00", "De Kleine Wereld", Sector.PO, "KAMPEN", "GM0166",
                    "8261AA", 52.55, 5.91, 200, "AM36", 1));

            await().untilAsserted(() -> assertThat(views.find("52HH00")).get()
                    .extracting(SchoolNeedView::needIndex).isEqualTo(70.0));
        }
    }
}
