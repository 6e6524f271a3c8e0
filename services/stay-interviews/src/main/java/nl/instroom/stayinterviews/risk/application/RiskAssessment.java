package nl.instroom.stayinterviews.risk.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import nl.instroom.chassis.refusal.ChangedMeanwhile;
import nl.instroom.stayinterviews.risk.domain.RetentionModel;
import nl.instroom.stayinterviews.risk.domain.SchoolRisk;
import nl.instroom.stayinterviews.risk.domain.SchoolRisks;
import nl.instroom.stayinterviews.staff.application.StaffChanges;
import nl.instroom.stayinterviews.staff.domain.StaffMember;
import nl.instroom.stayinterviews.staff.domain.StaffMembers;
import nl.instroom.stayinterviews.staff.domain.StayInterview;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Keeps each school's retention risk in line with its staff. Called right after every change; because that change
 * and the school's risk are two documents, a crash in between is caught up by the daily reassessment of every
 * school with staff (which also moves people whose leaving date passed out of the figure).
 */
@Service
public class RiskAssessment implements StaffChanges {

    private static final Logger log = LoggerFactory.getLogger(RiskAssessment.class);
    private static final int ATTEMPTS = 5;

    private final StaffMembers staff;
    private final SchoolRisks risks;
    private final RetentionModel model;
    private final Clock clock;

    RiskAssessment(StaffMembers staff, SchoolRisks risks, RetentionModel model, Clock clock) {
        this.staff = staff;
        this.risks = risks;
        this.model = model;
        this.clock = clock;
    }

    /** Reassesses the school; returns whether its figure changed (and was published). */
    public boolean reassess(String schoolCode) {
        for (int attempt = 1; ; attempt++) {
            LocalDate today = LocalDate.now(clock);
            SchoolRisk risk = risks.find(schoolCode).orElseGet(() -> SchoolRisk.none(schoolCode));
            if (!risk.assess(model.assess(employees(staff.atSchool(schoolCode)), today), today)) {
                return false;
            }
            try {
                risks.save(risk);
                return true;
            } catch (ChangedMeanwhile concurrentAssessment) {
                if (attempt == ATTEMPTS) {
                    throw concurrentAssessment;
                }
            }
        }
    }

    /**
     * Reassesses after a change that is already stored: failing here must not make the caller believe the change
     * failed (and repeat it); the daily reassessment catches up.
     */
    @Override
    public void afterChange(String schoolCode) {
        try {
            reassess(schoolCode);
        } catch (RuntimeException e) {
            log.warn("Retention risk of school {} not reassessed now, the daily run will: {}", schoolCode,
                    e.getMessage());
        }
    }

    @Scheduled(cron = "${instroom.stay.reassess-cron:0 30 2 * * *}", zone = "UTC")
    void reassessAll() {
        Set<String> schools = new TreeSet<>(staff.schoolsWithStaff());
        schools.addAll(risks.schoolCodes());
        int changed = 0;
        for (String school : schools) {
            try {
                changed += reassess(school) ? 1 : 0;
            } catch (RuntimeException e) {
                log.warn("Retention risk of school {} not reassessed: {}", school, e.getMessage());
            }
        }
        log.info("Reassessed the retention risk of {} school(s), {} changed", schools.size(), changed);
    }

    public SchoolRisk current(String schoolCode) {
        return risks.find(schoolCode).orElseGet(() -> SchoolRisk.none(schoolCode));
    }

    public List<RetentionModel.TeamRisk> byTeam(List<StaffMember> members) {
        return model.byTeam(employees(members), LocalDate.now(clock));
    }

    static List<RetentionModel.Employee> employees(List<StaffMember> members) {
        return members.stream().map(member -> new RetentionModel.Employee(member.subject(), member.fte(),
                member.latestInterview().map(StayInterview::riskBand).orElse(null), member.leavesOn())).toList();
    }
}
