package nl.instroom.identity;

import org.springframework.security.oauth2.server.authorization.InMemoryOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * The authorizations in progress (codes, tokens) kept in memory, one caller at a time.
 *
 * <p>Why: the authorization server's in-memory store keeps its not-yet-complete authorizations in an access-ordered
 * map that {@code findByToken} iterates; two people's token requests arriving together made it throw
 * {@code ConcurrentModificationException}, which the token endpoint answered with 500 — a sign-in refused for nobody's
 * fault. Every call here holds one lock: each is a few map operations, so the lock costs nothing measurable next to a
 * sign-in's password check. Authorizations stay in memory on purpose: a restart of the identity server ends
 * sign-ins in progress, and issued access tokens are self-contained JWTs that stay valid.
 */
final class SerializedAuthorizations implements OAuth2AuthorizationService {

    private final OAuth2AuthorizationService delegate;

    SerializedAuthorizations() {
        this(new InMemoryOAuth2AuthorizationService());
    }

    SerializedAuthorizations(OAuth2AuthorizationService delegate) {
        this.delegate = delegate;
    }

    @Override
    public synchronized void save(OAuth2Authorization authorization) {
        delegate.save(authorization);
    }

    @Override
    public synchronized void remove(OAuth2Authorization authorization) {
        delegate.remove(authorization);
    }

    @Override
    public synchronized OAuth2Authorization findById(String id) {
        return delegate.findById(id);
    }

    @Override
    public synchronized OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
        return delegate.findByToken(token, tokenType);
    }
}
