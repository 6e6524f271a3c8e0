package nl.instroom.identity.secondfactor.application;

import java.util.List;
import nl.instroom.identity.InstroomUser;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * A typed second factor, not yet checked: the person (already past the password step), what they typed, and for an
 * enrollment the secret that was proposed to them. After an enrollment it carries the new recovery codes, for the
 * one page that shows them; the signed-in authentication never does.
 */
public final class SecondFactorAttempt extends AbstractAuthenticationToken {

    private final InstroomUser user;
    private final String typed;
    private final String proposedSecret;
    private List<String> recoveryCodes = List.of();

    public SecondFactorAttempt(InstroomUser user, String typed, String proposedSecret) {
        super(List.of());
        this.user = user;
        this.typed = typed;
        this.proposedSecret = proposedSecret;
        setAuthenticated(false);
    }

    @Override
    public Object getCredentials() {
        return typed;
    }

    @Override
    public InstroomUser getPrincipal() {
        return user;
    }

    public boolean enrollment() {
        return proposedSecret != null;
    }

    String proposedSecret() {
        return proposedSecret;
    }

    public List<String> recoveryCodes() {
        return recoveryCodes;
    }

    void recoveryCodes(List<String> codes) {
        this.recoveryCodes = List.copyOf(codes);
    }
}
