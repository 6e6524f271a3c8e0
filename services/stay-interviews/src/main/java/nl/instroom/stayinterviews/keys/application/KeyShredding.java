package nl.instroom.stayinterviews.keys.application;

import nl.instroom.chassis.audit.AuditTrail;
import nl.instroom.stayinterviews.keys.domain.FreeTextVault;
import org.springframework.stereotype.Service;

/**
 * Crypto-shredding of a whole school: when a school leaves Instroom (or its text must go at once), an admin
 * deletes its key. Structured data (scores, bands, dates) stays and keeps the retention signals right; every
 * answer, note and action text of that school becomes unreadable ciphertext.
 */
@Service
public class KeyShredding {

    private final FreeTextVault vault;
    private final AuditTrail audit;

    KeyShredding(FreeTextVault vault, AuditTrail audit) {
        this.vault = vault;
        this.audit = audit;
    }

    public int shredSchool(String schoolCode) {
        int deleted = vault.shred(schoolCode);
        audit.record("SHREDDED_SCHOOL_KEY", schoolCode);
        return deleted;
    }
}
