package nl.instroom.chassis.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import nl.instroom.chassis.refusal.NotPossibleNow;
import org.junit.jupiter.api.Test;

class FourEyesTest {

    private final Instant now = Instant.parse("2026-03-01T10:00:00Z");
    private final FourEyes pending = FourEyes.requested("admin-a", now);

    @Test
    void aSecondAdminApproves() {
        FourEyes approved = pending.approve("admin-b", now.plusSeconds(60));

        assertThat(approved.state()).isEqualTo(FourEyes.State.APPROVED);
        assertThat(approved.decidedBy()).isEqualTo("admin-b");
        assertThat(approved.requestedBy()).isEqualTo("admin-a");
    }

    @Test
    void theRequesterCannotApproveTheirOwnRequest() {
        assertThatThrownBy(() -> pending.approve("admin-a", now)).isInstanceOf(FourEyes.Refused.class)
                .isInstanceOf(NotPossibleNow.class).hasMessageContaining("second admin");
    }

    @Test
    void onlyTheRequesterWithdrawsAndOnlyWhilePending() {
        assertThatThrownBy(() -> pending.withdraw("admin-b", now)).isInstanceOf(FourEyes.Refused.class);
        FourEyes withdrawn = pending.withdraw("admin-a", now);
        assertThat(withdrawn.state()).isEqualTo(FourEyes.State.WITHDRAWN);

        assertThatThrownBy(() -> withdrawn.approve("admin-b", now)).isInstanceOf(FourEyes.Refused.class)
                .hasMessageContaining("withdrawn");
        assertThatThrownBy(() -> pending.approve("admin-b", now).withdraw("admin-a", now))
                .isInstanceOf(FourEyes.Refused.class).hasMessageContaining("approved");
    }
}
