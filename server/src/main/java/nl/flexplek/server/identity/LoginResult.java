package nl.flexplek.server.identity;

import java.time.Instant;

/** A new session: the bearer token (shown once, never stored), when it expires, and who it belongs to. */
public record LoginResult(String token, Instant expiresAt, Account account) {
    @Override
    public String toString() {
        return "LoginResult[" + account.username() + ", expires " + expiresAt + "]";
    }
}
