package nl.flexplek.server.occupancy;

import java.time.Instant;
import java.util.List;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** SQL for sensors and the state history. */
interface OccupancyDao {

    record SensorRow(String id, SensorKind kind, Instant firstSeen, Instant lastSeen, Integer battery) {
    }

    record ChangeRow(String resourceId, String siteId, ResourceState state, Instant at) {
    }

    @SqlQuery("SELECT id, kind, first_seen, last_seen, battery FROM sensor")
    @RegisterConstructorMapper(SensorRow.class)
    List<SensorRow> sensors();

    @SqlBatch("""
            INSERT INTO sensor (id, kind, first_seen, last_seen, battery)
            VALUES (:id, :kind, :firstSeen, :lastSeen, :battery)
            ON CONFLICT (id) DO UPDATE SET kind = coalesce(excluded.kind, kind), last_seen = excluded.last_seen,
                battery = coalesce(excluded.battery, battery)""")
    void saveSensors(@org.jdbi.v3.sqlobject.customizer.BindMethods List<SensorRow> sensors);

    @SqlBatch("INSERT INTO occupancy_change (resource_id, site_id, state, at) VALUES (:resourceId, :siteId, :state, :at)")
    void saveChanges(@org.jdbi.v3.sqlobject.customizer.BindMethods List<ChangeRow> changes);

    @SqlQuery("""
            SELECT resource_id, site_id, state, at FROM occupancy_change
            WHERE site_id = :siteId AND at >= :from AND at < :to ORDER BY at, id""")
    @RegisterConstructorMapper(ChangeRow.class)
    List<ChangeRow> changes(String siteId, Instant from, Instant to);
}
