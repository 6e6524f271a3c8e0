package nl.instroom.chassis.audit;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Admins search the audit trail of this service. */
@RestController
public class AuditController {

    public static final String PATH = "/api/admin/audit";

    private final AuditTrail trail;

    public AuditController(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping(PATH)
    public List<AuditTrail.AuditEntry> search(@RequestParam(required = false) @Size(max = 80) String subjectRef,
            @RequestParam(required = false) @Size(max = 80) String actor,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        return trail.find(subjectRef, actor, limit);
    }
}
