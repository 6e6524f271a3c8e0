package nl.instroom.chassis.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.Period;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** Periods come from instroom.retention.&lt;kind&gt; or the rule's default; nonsense stops the start. */
class RetentionPeriodsTest {

    private static RetentionRule rule(String kind, Period defaultPeriod) {
        return new RetentionRule() {
            @Override
            public String kind() {
                return kind;
            }

            @Override
            public Period defaultPeriod() {
                return defaultPeriod;
            }

            @Override
            public Purged purge(Instant cutoff, int limit) {
                return Purged.none();
            }
        };
    }

    @Test
    void configurationOverridesTheDefault() {
        RetentionRule tutor = rule("tutor", Period.ofYears(1));
        RetentionRule note = rule("evaluation-note", Period.ofMonths(6));

        RetentionPeriods periods = new RetentionPeriods(List.of(tutor, note),
                new MockEnvironment().withProperty("instroom.retention.tutor", "P18M"));

        assertThat(periods.of(tutor)).isEqualTo(Period.ofMonths(18));
        assertThat(periods.of(note)).isEqualTo(Period.ofMonths(6));
    }

    @Test
    void aPeriodThatIsNoPositiveIsoPeriodStopsTheStart() {
        List<RetentionRule> rules = List.of(rule("tutor", Period.ofYears(1)));
        assertThatThrownBy(() -> new RetentionPeriods(rules,
                new MockEnvironment().withProperty("instroom.retention.tutor", "1 year")))
                .hasMessageContaining("ISO-8601");
        assertThatThrownBy(() -> new RetentionPeriods(rules,
                new MockEnvironment().withProperty("instroom.retention.tutor", "P0D")))
                .hasMessageContaining("positive");
        assertThatThrownBy(() -> new RetentionPeriods(rules,
                new MockEnvironment().withProperty("instroom.retention.tutor", "-P1Y")))
                .hasMessageContaining("positive");
        assertThatThrownBy(() -> new RetentionPeriods(List.of(rule("tutor", Period.ofYears(1)),
                rule("tutor", Period.ofYears(2))), new MockEnvironment())).hasMessageContaining("Two");
        assertThatThrownBy(() -> new RetentionPeriods(List.of(rule("Tutor Data", Period.ofYears(1))),
                new MockEnvironment())).hasMessageContaining("lower case");
    }

    @Test
    void aRuleReportsNoMoreReferencesThanRecords() {
        assertThatThrownBy(() -> new RetentionRule.Purged(1, List.of("a", "b")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(RetentionRule.Purged.counted(3).references()).isEmpty();
    }
}
