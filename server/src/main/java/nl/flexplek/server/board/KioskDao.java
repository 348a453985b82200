package nl.flexplek.server.board;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
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
    long insert(@Bind("siteId") String siteId, @Bind("accountId") long accountId, @Bind("name") String name,
                @Bind("language") String language, @Bind("now") Instant now, @Bind("createdBy") long createdBy);

    @SqlQuery("SELECT " + COLUMNS + " FROM kiosk ORDER BY site_id, id")
    @RegisterConstructorMapper(Kiosk.class)
    List<Kiosk> all();

    @SqlQuery("SELECT " + COLUMNS + " FROM kiosk WHERE id = :id")
    @RegisterConstructorMapper(Kiosk.class)
    Optional<Kiosk> byId(@Bind("id") long id);

    @SqlQuery("SELECT account_id FROM kiosk WHERE id = :id")
    long accountOf(@Bind("id") long id);

    @SqlUpdate("UPDATE kiosk SET revoked_at = :now WHERE id = :id AND revoked_at IS NULL")
    int revoke(@Bind("id") long id, @Bind("now") Instant now);

    @SqlUpdate("UPDATE kiosk SET last_seen_at = :now WHERE account_id = :accountId")
    int seen(@Bind("accountId") long accountId, @Bind("now") Instant now);
}
