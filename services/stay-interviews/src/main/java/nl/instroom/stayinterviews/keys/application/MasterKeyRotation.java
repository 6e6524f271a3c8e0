package nl.instroom.stayinterviews.keys.application;

import java.util.List;
import nl.instroom.chassis.audit.AuditTrail;
import nl.instroom.stayinterviews.keys.domain.FreeTextVault.MasterKeyUse;
import nl.instroom.stayinterviews.keys.domain.FreeTextVault;
import org.springframework.stereotype.Service;

/**
 * The admin's side of rotating the master key (docs/stay-interviews.md): which master key wraps how many school
 * keys, and wrapping them all with the current one now rather than at the next start. An old master key may leave
 * the key file once it wraps no school key.
 */
@Service
public class MasterKeyRotation {

    private final FreeTextVault vault;
    private final AuditTrail audit;

    MasterKeyRotation(FreeTextVault vault, AuditTrail audit) {
        this.vault = vault;
        this.audit = audit;
    }

    public List<MasterKeyUse> status() {
        return vault.masterKeys();
    }

    public List<MasterKeyUse> rewrap() {
        vault.rewrap();
        List<MasterKeyUse> status = vault.masterKeys();
        audit.record("REWRAPPED_SCHOOL_KEYS", "master-key:" + status.get(0).masterKeyId());
        return status;
    }
}
