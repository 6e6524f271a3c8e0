package nl.instroom.stayinterviews.keys.web;

import java.util.List;
import nl.instroom.stayinterviews.keys.application.MasterKeyRotation;
import nl.instroom.stayinterviews.keys.domain.FreeTextVault.MasterKeyUse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Master key rotation for admins: ids and counts only, never key material. */
@RestController
class MasterKeyController {

    static final String PATH = "/api/admin/master-keys";

    private final MasterKeyRotation rotation;

    MasterKeyController(MasterKeyRotation rotation) {
        this.rotation = rotation;
    }

    /** Each configured master key (the current one first) and how many school keys it wraps. */
    @GetMapping(PATH)
    List<MasterKeyUse> masterKeys() {
        return rotation.status();
    }

    /** Wraps every school key with the current master key now; answers the new counts. */
    @PostMapping(PATH + "/rewrap")
    List<MasterKeyUse> rewrap() {
        return rotation.rewrap();
    }
}
