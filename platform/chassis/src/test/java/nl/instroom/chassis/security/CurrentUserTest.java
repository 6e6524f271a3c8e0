package nl.instroom.chassis.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import nl.instroom.chassis.refusal.InvalidRequest;
import nl.instroom.chassis.web.NotFoundException;
import org.junit.jupiter.api.Test;

/** The one scoping rule, role by role: who reads and who changes what, and what a scope never defaults to. */
class CurrentUserTest {

    static final String ZWOLLE = "AM36";
    static final String FLEVOLAND = "AM11";

    private static CurrentUser of(Role role, String region, String school) {
        return new CurrentUser("someone", List.of(role), region, school);
    }

    @Test
    void aRegionsPeopleReadAndChangeTheirRegionOnly() {
        for (Role role : List.of(Role.COORDINATOR, Role.TALENT_SCOUT, Role.INTEGRATION)) {
            CurrentUser zwolle = of(role, ZWOLLE, null);
            assertThat(zwolle.coversRegion(ZWOLLE)).as(role.name()).isTrue();
            assertThat(zwolle.mayChangeRegion(ZWOLLE)).as(role.name()).isTrue();
            assertThat(zwolle.coversRegion(FLEVOLAND)).as(role.name()).isFalse();
            assertThat(zwolle.mayChangeRegion(FLEVOLAND)).as(role.name()).isFalse();
            assertThat(zwolle.coversSchool("51FL00", FLEVOLAND)).as(role.name()).isFalse();
            assertThat(zwolle.coversSchool("21CM00", ZWOLLE)).as(role.name()).isTrue();
            assertThat(zwolle.coversSchool("99XX00", null)).as("a school of no known region").isFalse();
            assertThat(zwolle.worksAt("21CM00")).as(role.name()).isFalse();
        }
    }

    @Test
    void schoolHrReadsAndChangesItsSchoolOnlyWhateverRegionItCarries() {
        CurrentUser hr = new CurrentUser("hr", List.of(Role.SCHOOL_HR), ZWOLLE, "21CM00");

        assertThat(hr.coversSchool("21CM00", ZWOLLE)).isTrue();
        assertThat(hr.mayChangeSchool("21CM00", ZWOLLE)).isTrue();
        assertThat(hr.worksAt("21CM00")).isTrue();
        assertThat(hr.coversSchool("05QY01", ZWOLLE)).as("another school of the same region").isFalse();
        assertThat(hr.coversRegion(ZWOLLE)).as("a region claim gives school HR nothing").isFalse();
        assertThatThrownBy(() -> hr.regionAskedOrAll(null)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void adminsReadAndChangeEveryRegionTheNationalViewerOnlyReads() {
        CurrentUser admin = of(Role.ADMIN, null, null);
        CurrentUser national = of(Role.NATIONAL_VIEWER, null, null);

        assertThat(admin.coversRegion(FLEVOLAND)).isTrue();
        assertThat(admin.mayChangeSchool("51FL00", FLEVOLAND)).isTrue();
        assertThat(admin.worksAt("51FL00")).as("stay interviews stay with the school").isFalse();
        assertThat(national.coversRegion(FLEVOLAND)).isTrue();
        assertThat(national.coversSchool("51FL00", FLEVOLAND)).isTrue();
        assertThat(national.mayChangeRegion(FLEVOLAND)).isFalse();
        assertThat(national.mayChangeSchool("51FL00", FLEVOLAND)).isFalse();
        assertThatThrownBy(() -> national.requireChangeInRegion(FLEVOLAND)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void theRegionAQuestionIsAbout() {
        CurrentUser zwolle = of(Role.COORDINATOR, ZWOLLE, null);
        CurrentUser admin = of(Role.ADMIN, null, null);

        assertThat(zwolle.regionAsked(null)).isEqualTo(ZWOLLE);
        assertThat(zwolle.regionAsked(ZWOLLE)).isEqualTo(ZWOLLE);
        assertThatThrownBy(() -> zwolle.regionAsked(FLEVOLAND)).isInstanceOf(NotFoundException.class);
        assertThat(admin.regionAsked(FLEVOLAND)).isEqualTo(FLEVOLAND);
        assertThat(admin.regionAskedOrAll(null)).as("every region").isEmpty();
        assertThatThrownBy(() -> admin.regionAsked(null)).isInstanceOf(InvalidRequest.class);
    }

    @Test
    void aRoleWithoutTheScopeItNeedsIsMissingIt() {
        assertThat(of(Role.COORDINATOR, null, null).missingScope()).hasValueSatisfying(
                missing -> assertThat(missing).contains("region"));
        assertThat(of(Role.TALENT_SCOUT, " ", null).missingScope()).isPresent();
        assertThat(of(Role.SCHOOL_HR, ZWOLLE, null).missingScope()).hasValueSatisfying(
                missing -> assertThat(missing).contains("school"));
        assertThat(of(Role.COORDINATOR, ZWOLLE, null).missingScope()).isEmpty();
        assertThat(of(Role.SCHOOL_HR, null, "21CM00").missingScope()).isEmpty();
        assertThat(of(Role.ADMIN, null, null).missingScope()).isEmpty();
        assertThat(of(Role.NATIONAL_VIEWER, null, null).missingScope()).isEmpty();
    }
}
