package nl.instroom.stayinterviews.risk.application;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import nl.instroom.chassis.security.CurrentUser;
import nl.instroom.stayinterviews.risk.domain.RetentionModel;
import nl.instroom.stayinterviews.risk.domain.SchoolRisk;
import nl.instroom.stayinterviews.risk.domain.Trend;
import nl.instroom.stayinterviews.staff.application.HrScope;
import nl.instroom.stayinterviews.staff.domain.FollowUpAction;
import nl.instroom.stayinterviews.staff.domain.StaffMember;
import nl.instroom.stayinterviews.staff.domain.StaffMembers;
import nl.instroom.stayinterviews.staff.domain.StayInterview;
import org.springframework.stereotype.Service;

/**
 * What school HR steers on: expected departures and their trend, risk by team, who is due a stay interview and
 * which agreed actions are overdue. Built from structure only — no interview text is decrypted for it.
 */
@Service
public class RetentionOverview {

    public record DueInterview(String staffRef, LocalDate lastStayInterviewOn) {
    }

    public record OverdueAction(String staffRef, String interviewId, int actionIndex, LocalDate dueOn) {
    }

    public record Overview(String schoolCode, BigDecimal expectedDeparturesFte, int interviewsCovered,
            LocalDate assessedOn, Trend trend, List<SchoolRisk.Point> history, List<RetentionModel.TeamRisk> teams,
            List<DueInterview> dueForInterview, List<OverdueAction> overdueActions) {
    }

    private final StaffMembers staff;
    private final RiskAssessment risk;
    private final Clock clock;

    RetentionOverview(StaffMembers staff, RiskAssessment risk, Clock clock) {
        this.staff = staff;
        this.risk = risk;
        this.clock = clock;
    }

    public Overview of(String schoolCode, CurrentUser user) {
        HrScope.require(user, schoolCode);
        LocalDate today = LocalDate.now(clock);
        List<StaffMember> members = staff.atSchool(schoolCode).stream()
                .sorted(Comparator.comparing(StaffMember::staffRef)).toList();
        List<DueInterview> due = members.stream().filter(member -> member.dueForInterview(today))
                .map(member -> new DueInterview(member.staffRef(), member.lastStayInterviewOn())).toList();
        List<OverdueAction> overdue = new ArrayList<>();
        for (StaffMember member : members) {
            for (StayInterview interview : member.interviews()) {
                List<FollowUpAction> actions = interview.actions();
                for (int i = 0; i < actions.size(); i++) {
                    if (actions.get(i).overdueOn(today)) {
                        overdue.add(new OverdueAction(member.staffRef(), interview.id(), i, actions.get(i).dueOn()));
                    }
                }
            }
        }
        overdue.sort(Comparator.comparing(OverdueAction::dueOn));
        SchoolRisk current = risk.current(schoolCode);
        SchoolRisk.Point point = current.current();
        return new Overview(schoolCode, point == null ? BigDecimal.ZERO : point.expectedDeparturesFte(),
                point == null ? 0 : point.interviewsCovered(), point == null ? null : point.assessedOn(),
                current.trend(), current.history(), risk.byTeam(members), due, overdue);
    }
}
