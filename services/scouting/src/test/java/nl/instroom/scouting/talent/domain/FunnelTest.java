package nl.instroom.scouting.talent.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import nl.instroom.events.scouting.PersonKind;
import nl.instroom.events.scouting.TalentKind;
import nl.instroom.events.scouting.TalentStage;
import org.junit.jupiter.api.Test;

class FunnelTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    private static Talent talent(String id, PersonKind kind, LocalDate flaggedOn, TalentStage... walk) {
        Talent talent = Talent.flag(id, kind, "ref-" + id, TalentKind.POTENTIAL_TEACHER, "AM36", null,
                "reden", flaggedOn, null, null, TODAY);
        for (TalentStage stage : walk) {
            talent.moveTo(stage, TODAY, null, TODAY);
        }
        return talent;
    }

    @Test
    void countsWhatBecameOfThePeriodsFlagsPerPersonKindWithConversions() {
        LocalDate from = LocalDate.of(2026, 1, 1);
        LocalDate to = LocalDate.of(2026, 6, 30);
        List<Talent> talents = List.of(
                talent("a", PersonKind.TUTOR, from, TalentStage.APPROACHED, TalentStage.INTERESTED,
                        TalentStage.ENROLLED),
                talent("b", PersonKind.TUTOR, to, TalentStage.APPROACHED, TalentStage.DECLINED),
                talent("c", PersonKind.TUTOR, LocalDate.of(2026, 3, 3)),
                talent("d", PersonKind.TUTOR, LocalDate.of(2026, 3, 3), TalentStage.WITHDRAWN),
                talent("out-before", PersonKind.TUTOR, from.minusDays(1), TalentStage.APPROACHED),
                talent("out-after", PersonKind.TUTOR, to.plusDays(1), TalentStage.APPROACHED),
                talent("s", PersonKind.STAFF, from, TalentStage.APPROACHED));

        List<Funnel.Figures> rows = Funnel.of(talents, from, to);

        assertThat(rows.get(0)).isEqualTo(new Funnel.Figures(PersonKind.TUTOR, 4, 2, 1, 1, 1, 1, 0.5, 0.5, 1.0));
        assertThat(rows.get(1)).isEqualTo(new Funnel.Figures(PersonKind.STAFF, 1, 1, 0, 0, 0, 0, 1.0, 0.0, null));
        assertThat(rows.get(2)).isEqualTo(new Funnel.Figures(PersonKind.EXTERNAL, 0, 0, 0, 0, 0, 0, null, null,
                null));
    }
}
