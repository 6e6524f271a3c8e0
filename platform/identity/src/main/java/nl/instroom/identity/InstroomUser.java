package nl.instroom.identity;

import java.util.List;
import nl.instroom.identity.secondfactor.domain.SecondFactorRule;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** A person who may sign in, with one role and the region or school that role applies to. */
public class InstroomUser extends User {

    private final String role;
    private final String scope;

    public InstroomUser(String username, String passwordHash, String role, String scope) {
        super(username, passwordHash, List.of(new SimpleGrantedAuthority("ROLE_" + role)));
        this.role = role;
        this.scope = scope;
    }

    public String role() {
        return role;
    }

    /** A region code for coordinators and scouts, a vestigingscode for school HR, empty for country-wide roles. */
    public String scope() {
        return scope;
    }

    /** Whether this person signs in with a second factor as well (every role that sees personal data). */
    public boolean needsSecondFactor() {
        return SecondFactorRule.requiredFor(role);
    }

    public boolean scopedToSchool() {
        return "SCHOOL_HR".equals(role);
    }
}
