package nl.flexplek.server.board;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for registered kiosks. */
interface KioskDao {
    String COLUMNS = "id, site_id, name, language, created_at, last_seen_at, revoked_at";

    @SqlUpdate("""
            INSERT INTO kiosk (site_id, account_id, name, language, created_at, created_by)
            VALUES (:siteId, :accountId, :name, :language, :now, :createdBy)""")
    @GetGeneratedKeys
    long insert(String siteId, long accountId, String name, String language, Instant now, long createdBy);

    @SqlQuery("SELECT " + COLUMNS + " FROM kiosk ORDER BY site_id, id")
    @RegisterConstructorMapper(Kiosk.class)
    List<Kiosk> all();

    @SqlQuery("SELECT " + COLUMNS + " FROM kiosk WHERE id = :id")
    @RegisterConstructorMapper(Kiosk.class)
    Optional<Kiosk> byId(long id);

    @SqlQuery("SELECT account_id FROM kiosk WHERE id = :id")
    long accountOf(long id);

    @SqlUpdate("UPDATE kiosk SET revoked_at = :now WHERE id = :id AND revoked_at IS NULL")
    int revoke(long id, Instant now);

    @SqlUpdate("UPDATE kiosk SET last_seen_at = :now WHERE account_id = :accountId")
    int seen(long accountId, Instant now);
}
