package nl.instroom.stayinterviews.risk.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import nl.instroom.events.stay.RetentionRiskAssessed;
import nl.instroom.events.stay.RiskBand;
import org.junit.jupiter.api.Test;

class RetentionModelTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    private final RetentionModel model = RetentionModel.defaults();

    private static RetentionModel.Employee teacher(String fte, RiskBand band) {
        return new RetentionModel.Employee("wiskunde", new BigDecimal(fte), band, null);
    }

    @Test
    void expectedDeparturesAreFteTimesTheProbabilityOfEachLatestBand() {
        RetentionModel.Assessment assessment = model.assess(List.of(teacher("1.0", RiskBand.HIGH),
                teacher("0.5", RiskBand.MEDIUM), teacher("0.8", RiskBand.LOW), teacher("1.0", null)), TODAY);

        // 1.0×0.5 + 0.5×0.2 + 0.8×0.05 = 0.64; the one without an interview counts nothing.
        assertThat(assessment.expectedDeparturesFte()).isEqualByComparingTo("0.64");
        assertThat(assessment.interviewsCovered()).isEqualTo(3);
    }

    @Test
    void aKnownLeavingDateWithinAYearCountsInFullAndSomeoneGoneNotAtAll() {
        RetentionModel.Assessment assessment = model.assess(List.of(
                new RetentionModel.Employee("duits", new BigDecimal("0.6"), RiskBand.LOW, TODAY.plusMonths(5)),
                new RetentionModel.Employee("duits", new BigDecimal("1.0"), RiskBand.HIGH, TODAY.minusDays(1))),
                TODAY);

        assertThat(assessment.expectedDeparturesFte()).isEqualByComparingTo("0.60");
        assertThat(assessment.interviewsCovered()).isEqualTo(1);
    }

    @Test
    void riskByTeamCountsBandsAndWhoWasNotInterviewed() {
        List<RetentionModel.TeamRisk> teams = model.byTeam(List.of(teacher("1.0", RiskBand.HIGH),
                teacher("1.0", null), new RetentionModel.Employee("engels", new BigDecimal("0.4"), RiskBand.LOW, null)),
                TODAY);

        assertThat(teams).extracting(RetentionModel.TeamRisk::team).containsExactly("engels", "wiskunde");
        RetentionModel.TeamRisk maths = teams.get(1);
        assertThat(maths.expectedDeparturesFte()).isEqualByComparingTo("0.50");
        assertThat(maths.bands().get(RiskBand.HIGH)).isEqualTo(1);
        assertThat(maths.notInterviewed()).isEqualTo(1);
    }

    @Test
    void aSchoolRiskPublishesOnlyChangesEachWithTheNextRevision() {
        SchoolRisk risk = SchoolRisk.none("21CM00");

        assertThat(risk.assess(new RetentionModel.Assessment(new BigDecimal("0.05"), 1), TODAY)).isTrue();
        assertThat(risk.assess(new RetentionModel.Assessment(new BigDecimal("0.05"), 1), TODAY)).isFalse();
        assertThat(risk.assess(new RetentionModel.Assessment(new BigDecimal("0.55"), 2), TODAY)).isTrue();

        assertThat(risk.registeredEvents()).containsExactly(
                new RetentionRiskAssessed("21CM00", new BigDecimal("0.05"), 1, TODAY, 1),
                new RetentionRiskAssessed("21CM00", new BigDecimal("0.55"), 2, TODAY, 2));
        assertThat(risk.trend()).isEqualTo(Trend.RISING);
    }
}
