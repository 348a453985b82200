package nl.flexplek.server.identity;

import java.time.Instant;
import java.util.Optional;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for accounts and sessions. */
interface IdentityDao {

    record AccountRow(long id, String username, String displayName, Role role, String department, String siteId,
                      String passwordHash, boolean active) {
        Account account() {
            return new Account(id, username, displayName, role, department, siteId);
        }
    }

    @SqlQuery("""
            SELECT id, username, display_name, role, department, site_id, password_hash, active
            FROM account WHERE username = :username""")
    @RegisterConstructorMapper(AccountRow.class)
    Optional<AccountRow> byUsername(String username);

    @SqlQuery("""
            SELECT a.id, a.username, a.display_name, a.role, a.department, a.site_id, a.password_hash, a.active
            FROM session s JOIN account a ON a.id = s.account_id
            WHERE s.token_hash = :tokenHash AND s.revoked_at IS NULL AND s.expires_at > :now AND a.active = 1""")
    @RegisterConstructorMapper(AccountRow.class)
    Optional<AccountRow> bySession(String tokenHash, Instant now);

    @SqlUpdate("""
            INSERT INTO account (username, display_name, role, department, site_id, password_hash, created_at)
            VALUES (:username, :displayName, :role, :department, :siteId, :passwordHash, :now)
            ON CONFLICT (username) DO UPDATE SET display_name = excluded.display_name, role = excluded.role,
                department = excluded.department, site_id = excluded.site_id""")
    void upsertAccount(String username, String displayName, Role role, String department, String siteId,
                       String passwordHash, Instant now);

    @SqlUpdate("UPDATE account SET password_hash = :passwordHash WHERE username = :username")
    void setPassword(String username, String passwordHash);

    @SqlQuery("SELECT count(*) FROM account WHERE username = :username")
    int accountExists(String username);

    @SqlUpdate("""
            INSERT INTO session (token_hash, account_id, created_at, expires_at)
            VALUES (:tokenHash, :accountId, :now, :expiresAt)""")
    @GetGeneratedKeys
    long insertSession(String tokenHash, long accountId, Instant now, Instant expiresAt);

    @SqlUpdate("UPDATE session SET revoked_at = :now WHERE token_hash = :tokenHash AND revoked_at IS NULL")
    int revoke(String tokenHash, Instant now);

    @SqlUpdate("DELETE FROM session WHERE expires_at < :cutoff")
    int deleteExpired(Instant cutoff);

    @SqlUpdate("""
            INSERT INTO account (username, display_name, role, site_id, password_hash, created_at)
            VALUES (:username, :displayName, 'kiosk', :siteId, :passwordHash, :now)""")
    @GetGeneratedKeys
    long insertDevice(String username, String displayName, String siteId, String passwordHash, Instant now);

    @SqlUpdate("UPDATE account SET active = 0 WHERE id = :accountId")
    int deactivate(long accountId);

    @SqlUpdate("UPDATE session SET revoked_at = :now WHERE account_id = :accountId AND revoked_at IS NULL")
    int revokeAll(long accountId, Instant now);
}
