package nl.instroom.stayinterviews.keys.application;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import nl.instroom.chassis.approval.FourEyes;
import nl.instroom.chassis.audit.AuditTrail;
import nl.instroom.chassis.web.NotFoundException;
import nl.instroom.stayinterviews.keys.domain.FreeTextVault;
import org.springframework.stereotype.Service;

/**
 * Crypto-shredding of a whole school: when a school leaves Instroom (or its text must go at once), its key is
 * deleted. Structured data (scores, bands, dates) stays and keeps the retention signals right; every answer, note
 * and action text of that school becomes unreadable ciphertext. It cannot be undone, so it is four-eyes work: one
 * admin asks, a second (never the same) approves, and only the approval deletes the key. Each step is audited under
 * the school's code.
 */
@Service
public class SchoolKeyDeletions {

    private final KeyDeletionRequests requests;
    private final FreeTextVault vault;
    private final AuditTrail audit;
    private final Clock clock;

    SchoolKeyDeletions(KeyDeletionRequests requests, FreeTextVault vault, AuditTrail audit, Clock clock) {
        this.requests = requests;
        this.vault = vault;
        this.audit = audit;
        this.clock = clock;
    }

    /** Asks to delete the school's key; nothing is deleted until a second admin approves. */
    public KeyDeletion request(String schoolCode, String requestedBy) {
        KeyDeletion request = new KeyDeletion(UUID.randomUUID().toString(), schoolCode,
                FourEyes.requested(requestedBy, clock.instant()), null);
        requests.add(request);
        audit.recordAs(requestedBy, "REQUESTED_SCHOOL_KEY_DELETION", schoolCode);
        return request;
    }

    /** A second admin approves: the decision is stored (once), then the school's keys are deleted. */
    public KeyDeletion approve(String requestId, String approvedBy) {
        KeyDeletion request = find(requestId);
        FourEyes approved = request.approval().approve(approvedBy, clock.instant());
        if (!requests.decide(requestId, approved)) {
            throw FourEyes.decidedMeanwhile();
        }
        int deleted = vault.shred(request.schoolCode());
        requests.recordKeysDeleted(requestId, deleted);
        audit.recordAs(approvedBy, "SHREDDED_SCHOOL_KEY", request.schoolCode());
        return new KeyDeletion(requestId, request.schoolCode(), approved, deleted);
    }

    /** The admin who asked withdraws the request while it waits. */
    public KeyDeletion withdraw(String requestId, String withdrawnBy) {
        KeyDeletion request = find(requestId);
        FourEyes withdrawn = request.approval().withdraw(withdrawnBy, clock.instant());
        if (!requests.decide(requestId, withdrawn)) {
            throw FourEyes.decidedMeanwhile();
        }
        audit.recordAs(withdrawnBy, "WITHDREW_SCHOOL_KEY_DELETION", request.schoolCode());
        return new KeyDeletion(requestId, request.schoolCode(), withdrawn, null);
    }

    public KeyDeletion find(String requestId) {
        return requests.find(requestId).orElseThrow(() -> new NotFoundException("Key deletion request", requestId));
    }

    public List<KeyDeletion> recent(int limit) {
        return requests.recent(limit);
    }
}
