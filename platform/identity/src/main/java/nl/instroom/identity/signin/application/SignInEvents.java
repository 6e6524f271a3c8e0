package nl.instroom.identity.signin.application;

import nl.instroom.chassis.audit.AuditTrail;
import nl.instroom.identity.signin.domain.SignInThrottle;
import nl.instroom.identity.signin.domain.Verdict;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Sign-in events in identity's audit trail ({@code GET /api/admin/audit}), each naming the account by its username
 * (actor and subject). A name that is no account is recorded as {@code unknown-account}, because what people type
 * into the username field is sometimes their password. Never a password, code or secret; never the address.
 */
@Component
public class SignInEvents {

    public static final String UNKNOWN_ACCOUNT = "unknown-account";

    public static final String SIGNED_IN = "SIGNED_IN";
    public static final String PASSWORD_ACCEPTED = "PASSWORD_ACCEPTED";
    public static final String PASSWORD_REFUSED = "PASSWORD_REFUSED";
    public static final String ATTEMPT_DELAYED = "SIGN_IN_DELAYED";
    public static final String ATTEMPT_LOCKED_OUT = "SIGN_IN_LOCKED_OUT";
    public static final String ACCOUNT_LOCKED = "ACCOUNT_LOCKED";
    public static final String ADDRESS_LOCKED = "ADDRESS_LOCKED";
    public static final String SECOND_FACTOR_ENROLLED = "SECOND_FACTOR_ENROLLED";
    public static final String SECOND_FACTOR_ACCEPTED = "SECOND_FACTOR_ACCEPTED";
    public static final String SECOND_FACTOR_REFUSED = "SECOND_FACTOR_REFUSED";
    public static final String RECOVERY_CODE_USED = "RECOVERY_CODE_USED";

    private final AuditTrail audit;
    private final UserDetailsService users;

    SignInEvents(AuditTrail audit, UserDetailsService users) {
        this.audit = audit;
        this.users = users;
    }

    public void record(String action, String account) {
        String name = known(account) ? account : UNKNOWN_ACCOUNT;
        audit.recordAs(name, action, name);
    }

    /** An attempt the throttle did not let through: delayed or locked out. */
    public void refused(String account, Verdict verdict) {
        record(verdict.kind() == Verdict.Kind.LOCKED ? ATTEMPT_LOCKED_OUT : ATTEMPT_DELAYED, account);
    }

    /** A wrong password or code, and the locks it caused. */
    public void failed(String action, String account, SignInThrottle.Failure failure) {
        record(action, account);
        if (failure.accountLocked()) {
            record(ACCOUNT_LOCKED, account);
        }
        if (failure.addressLocked()) {
            audit.recordAs("sign-in", ADDRESS_LOCKED, "address");
        }
    }

    private boolean known(String account) {
        try {
            return account != null && users.loadUserByUsername(account) != null;
        } catch (UsernameNotFoundException unknown) {
            return false;
        }
    }
}
