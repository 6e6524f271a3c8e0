package nl.instroom.scouting.talent.application;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import nl.instroom.chassis.refusal.InvalidRequest;
import nl.instroom.chassis.security.CurrentUser;
import nl.instroom.events.scouting.PersonKind;
import nl.instroom.scouting.schools.domain.SchoolView;
import nl.instroom.scouting.schools.domain.SchoolViews;
import nl.instroom.scouting.talent.domain.ActivityType;
import nl.instroom.scouting.talent.domain.Talent;
import nl.instroom.scouting.talent.domain.Talents;
import org.springframework.stereotype.Service;

/** Active ambassadors per school of a region, and the schools with high need that have none. */
@Service
public class AmbassadorOverview {

    /** One active ambassador: who (pseudonymously), since when, and how often they did what. */
    public record Ambassador(String talentId, PersonKind personKind, String personRef, LocalDate since,
            Map<ActivityType, Integer> activities, LocalDate lastActivityOn) {
    }

    /** A school with its active ambassadors. */
    public record SchoolAmbassadors(String schoolCode, String schoolName, double needIndex,
            List<Ambassador> ambassadors) {
    }

    public record RegionAmbassadors(String region, int activeAmbassadors, List<SchoolAmbassadors> schools) {
    }

    /** A school with high need and no active ambassador; rank 1 is the region's greatest need. */
    public record UncoveredSchool(String schoolCode, String schoolName, double needIndex, int needRank) {
    }

    public record Coverage(String region, double minNeedIndex, int highNeedSchools, int covered,
            List<UncoveredSchool> uncovered) {
    }

    /** What counts as high need when the caller does not say: the upper part of the region's 0–100 index. */
    public static final double DEFAULT_MIN_NEED_INDEX = 60.0;

    private final Talents talents;
    private final SchoolViews schools;

    AmbassadorOverview(Talents talents, SchoolViews schools) {
        this.talents = talents;
        this.schools = schools;
    }

    public RegionAmbassadors ambassadors(String region, CurrentUser user) {
        String scope = user.regionAsked(region);
        Map<String, List<Ambassador>> bySchool = new TreeMap<>();
        int active = 0;
        for (Talent talent : talents.ambassadorsIn(scope)) {
            if (!talent.activeAmbassador()) {
                continue;
            }
            active++;
            Map<ActivityType, Integer> counts = new EnumMap<>(ActivityType.class);
            talent.activities().forEach(activity -> counts.merge(activity.type(), 1, Integer::sum));
            bySchool.computeIfAbsent(talent.ambassadorship().schoolCode(), code -> new ArrayList<>())
                    .add(new Ambassador(talent.id(), talent.personKind(), talent.personRef(),
                            talent.ambassadorship().since(), counts, talent.activities().stream()
                                    .map(Talent.Activity::on).max(Comparator.naturalOrder()).orElse(null)));
        }
        Map<String, SchoolView> known = schools.findAll(bySchool.keySet());
        List<SchoolAmbassadors> result = new ArrayList<>();
        bySchool.forEach((code, ambassadors) -> {
            SchoolView school = known.get(code);
            result.add(new SchoolAmbassadors(code, school == null ? null : school.name(),
                    school == null ? 0 : school.needIndex(), ambassadors));
        });
        return new RegionAmbassadors(scope, active, result);
    }

    public Coverage coverage(String region, Double minNeedIndex, CurrentUser user) {
        String scope = user.regionAsked(region);
        double threshold = minNeedIndex == null ? DEFAULT_MIN_NEED_INDEX : minNeedIndex;
        if (threshold < 0 || threshold > 100) {
            throw new InvalidRequest("The need index runs from 0 to 100");
        }
        Set<String> withAmbassador = talents.ambassadorsIn(scope).stream().filter(Talent::activeAmbassador)
                .map(talent -> talent.ambassadorship().schoolCode()).collect(Collectors.toSet());
        List<SchoolView> byNeed = schools.inRegion(scope).stream()
                .sorted(Comparator.comparingDouble(SchoolView::needIndex).reversed()
                        .thenComparing(SchoolView::schoolCode))
                .toList();
        List<UncoveredSchool> uncovered = new ArrayList<>();
        int highNeed = 0;
        for (int i = 0; i < byNeed.size(); i++) {
            SchoolView school = byNeed.get(i);
            if (school.needIndex() < threshold) {
                break;
            }
            highNeed++;
            if (!withAmbassador.contains(school.schoolCode())) {
                uncovered.add(new UncoveredSchool(school.schoolCode(), school.name(), school.needIndex(), i + 1));
            }
        }
        return new Coverage(scope, threshold, highNeed, highNeed - uncovered.size(), uncovered);
    }
}
