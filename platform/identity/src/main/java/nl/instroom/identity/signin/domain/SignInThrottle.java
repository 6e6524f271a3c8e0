package nl.instroom.identity.signin.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed sign-ins per account and per address, and whether the next attempt may be evaluated. Growing waits and a
 * temporary lock slow a guesser down; an unknown account is throttled exactly like a known one, so the throttle
 * tells nothing about which accounts exist.
 *
 * <p>Kept in memory: the identity server runs as one pod by design (docs/operations.md), so one map sees every
 * attempt. A restart forgets the counts, which gives a guesser at most one more round of free attempts per
 * deployment, and a guesser cannot cause restarts. A failed attempt costs a map entry whichever name was typed,
 * so the entries are bounded: those with nothing left to remember are swept, and beyond {@code maxTracked} per kind
 * the oldest unlocked ones go first.
 */
public final class SignInThrottle {

    /** Which keys a failure locked. */
    public record Failure(boolean accountLocked, boolean addressLocked) {
    }

    private static final int MAX_ACCOUNT_KEY = 200;

    private final ThrottlePolicy perAccount;
    private final ThrottlePolicy perAddress;
    private final Clock clock;
    private final int maxTracked;
    private final Map<String, Attempts> accounts = new ConcurrentHashMap<>();
    private final Map<String, Attempts> addresses = new ConcurrentHashMap<>();

    public SignInThrottle(ThrottlePolicy perAccount, ThrottlePolicy perAddress, Clock clock, int maxTracked) {
        if (maxTracked < 1) {
            throw new IllegalArgumentException("maxTracked must be at least 1");
        }
        this.perAccount = perAccount;
        this.perAddress = perAddress;
        this.clock = clock;
        this.maxTracked = maxTracked;
    }

    /** Whether an attempt for this account from this address may be evaluated now: the stricter of both. */
    public Verdict check(String account, String address) {
        Instant now = clock.instant();
        return accounts.getOrDefault(accountKey(account), Attempts.NONE).verdict(perAccount, now)
                .stricter(addresses.getOrDefault(addressKey(address), Attempts.NONE).verdict(perAddress, now));
    }

    /** Counts a failed attempt (a wrong password or code) against both the account and the address. */
    public Failure failed(String account, String address) {
        Instant now = clock.instant();
        Attempts byAccount = accounts.compute(accountKey(account),
                (key, attempts) -> (attempts == null ? Attempts.NONE : attempts).failed(perAccount, now));
        Attempts byAddress = addresses.compute(addressKey(address),
                (key, attempts) -> (attempts == null ? Attempts.NONE : attempts).failed(perAddress, now));
        bound(accounts, perAccount, now);
        bound(addresses, perAddress, now);
        return new Failure(byAccount.lockedAt(now), byAddress.lockedAt(now));
    }

    /**
     * A successful sign-in clears the account's failures. Not the address's: one valid account of a guesser
     * must not reset the count of a password spray from that address.
     */
    public void succeeded(String account) {
        accounts.remove(accountKey(account));
    }

    /** Drops whatever has nothing left to remember; returns how many keys are still tracked. */
    public int sweep() {
        Instant now = clock.instant();
        accounts.entrySet().removeIf(entry -> entry.getValue().forgettable(perAccount, now));
        addresses.entrySet().removeIf(entry -> entry.getValue().forgettable(perAddress, now));
        return accounts.size() + addresses.size();
    }

    private void bound(Map<String, Attempts> tracked, ThrottlePolicy policy, Instant now) {
        if (tracked.size() <= maxTracked) {
            return;
        }
        tracked.entrySet().removeIf(entry -> entry.getValue().forgettable(policy, now));
        int excess = tracked.size() - maxTracked * 9 / 10;
        if (excess > 0) {
            tracked.entrySet().stream().filter(entry -> entry.getValue().verdict(policy, now).kind()
                            != Verdict.Kind.LOCKED)
                    .sorted(Comparator.comparing(entry -> entry.getValue().lastFailure()))
                    .limit(excess).map(Map.Entry::getKey).toList().forEach(tracked::remove);
        }
    }

    /** Names differing only in case or surrounding spaces are one account to the throttle. */
    static String accountKey(String account) {
        String key = account == null ? "" : account.strip().toLowerCase(Locale.ROOT);
        return key.length() > MAX_ACCOUNT_KEY ? key.substring(0, MAX_ACCOUNT_KEY) : key;
    }

    private static String addressKey(String address) {
        return address == null ? "unknown" : address;
    }
}
