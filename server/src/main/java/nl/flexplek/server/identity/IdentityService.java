package nl.flexplek.server.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

import nl.flexplek.server.common.Database;
import nl.flexplek.server.common.UnauthenticatedException;

/** Logging in and out, resolving bearer tokens, and creating accounts. */
public final class IdentityService {
    private static final Logger LOG = Logger.getLogger(IdentityService.class.getName());

    private final Database db;
    private final Clock clock;
    private final IdentitySettings settings;

    public IdentityService(Database db, Clock clock, IdentitySettings settings) {
        this.db = db;
        this.clock = clock;
        this.settings = settings;
    }

    /** Checks the password and opens a session; the same answer for an unknown user and a wrong password. */
    public LoginResult login(String username, String password) {
        Optional<IdentityDao.AccountRow> account = db.read(IdentityDao.class, dao -> dao.byUsername(username));
        boolean ok;
        if (account.isEmpty()) {
            PasswordHasher.burnDecoy(password);
            ok = false;
        } else {
            ok = PasswordHasher.matches(password, account.get().passwordHash()) && account.get().active();
        }
        if (!ok) {
            LOG.info(() -> "Failed login for username of length " + username.length());
            throw new UnauthenticatedException("The username or password is not right.");
        }
        Account who = account.get().account();
        String token = Secrets.newToken();
        Instant now = clock.instant();
        Duration lifetime = who.is(Role.KIOSK) ? settings.kioskSessionLifetime() : settings.sessionLifetime();
        Instant expiresAt = now.plus(lifetime);
        db.write(IdentityDao.class, dao -> dao.insertSession(Secrets.hash(token), who.accountId(), now, expiresAt));
        LOG.info(() -> "Login: " + who.username() + " (" + who.role().code() + ")");
        return new LoginResult(token, expiresAt, who);
    }

    /** The caller behind a bearer token, if the token is known, unexpired and not revoked. */
    public Optional<Account> authenticate(String token) {
        if (token == null || token.isEmpty() || token.length() > 200) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return db.read(IdentityDao.class, dao -> dao.bySession(Secrets.hash(token), now))
                .map(IdentityDao.AccountRow::account);
    }

    /** Revokes the session of this token. */
    public void logout(String token) {
        Instant now = clock.instant();
        db.write(IdentityDao.class, dao -> dao.revoke(Secrets.hash(token), now));
    }

    /** Creates accounts, or updates their name, role and department; passwords are set only for new accounts. */
    public int ensureAccounts(List<NewAccount> accounts) {
        Instant now = clock.instant();
        // Hashing is deliberately slow, so it happens before the write and once per distinct password (the demo
        // accounts share one). It must not run on the database writer's thread.
        Map<String, String> hashes = new HashMap<>();
        for (NewAccount account : accounts) {
            hashes.computeIfAbsent(account.password(), PasswordHasher::hash);
        }
        return db.write(handle -> {
            IdentityDao dao = handle.attach(IdentityDao.class);
            int created = 0;
            for (NewAccount account : accounts) {
                created += dao.accountExists(account.username()) == 0 ? 1 : 0;
                dao.upsertAccount(account.username(), account.displayName(), account.role(), account.department(),
                        account.siteId(), hashes.get(account.password()), now);
            }
            return created;
        });
    }

    /**
     * Creates the account of a kiosk device bound to a site, with a password nobody knows, and issues its one
     * long-lived token. Who may call: the kiosk registration of facility managers.
     */
    public DeviceToken registerDevice(String siteId, String displayName, Duration lifetime) {
        String passwordHash = PasswordHasher.hash(Secrets.newToken());
        String username = "kiosk#" + Secrets.newToken().substring(0, 12);
        String token = Secrets.newToken();
        Instant now = clock.instant();
        long accountId = db.write(handle -> {
            IdentityDao dao = handle.attach(IdentityDao.class);
            long id = dao.insertDevice(username, displayName, siteId, passwordHash, now);
            dao.insertSession(Secrets.hash(token), id, now, now.plus(lifetime));
            return id;
        });
        LOG.info(() -> "Kiosk device registered for site " + siteId);
        return new DeviceToken(accountId, token);
    }

    /** Ends a device: its tokens stop working at once and the account can never log in again. */
    public void revokeDevice(long accountId) {
        Instant now = clock.instant();
        db.write(handle -> {
            IdentityDao dao = handle.attach(IdentityDao.class);
            dao.revokeAll(accountId, now);
            return dao.deactivate(accountId);
        });
    }

    /** Removes sessions that expired more than a day ago; revoked and expired tokens are useless anyway. */
    public int purgeExpiredSessions() {
        Instant cutoff = clock.instant().minus(Duration.ofDays(1));
        return db.write(IdentityDao.class, dao -> dao.deleteExpired(cutoff));
    }
}
