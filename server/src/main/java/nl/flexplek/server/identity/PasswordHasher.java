package nl.flexplek.server.identity;

import com.password4j.Argon2Function;
import com.password4j.types.Argon2;

/**
 * Argon2id password hashes in the PHC string format ({@code $argon2id$v=19$m=...}), with the parameters OWASP
 * recommends as a minimum (19 MiB, 2 passes, 1 lane). The parameters travel inside each hash, so they can be raised
 * later without breaking stored passwords.
 */
final class PasswordHasher {
    private static final Argon2Function ARGON2 = Argon2Function.getInstance(19 * 1024, 2, 1, 32, Argon2.ID);
    // Checked against when the username is unknown, so a failed login takes as long either way.
    private static final String DECOY = ARGON2.hash("decoy-password-for-unknown-users").getResult();

    private PasswordHasher() {
    }

    static String hash(String password) {
        return ARGON2.hash(password).getResult();
    }

    static boolean matches(String password, String storedHash) {
        try {
            return Argon2Function.getInstanceFromHash(storedHash).check(password, storedHash);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Spends the same effort as a real check, for unknown usernames. */
    static void burnDecoy(String password) {
        matches(password, DECOY);
    }
}
