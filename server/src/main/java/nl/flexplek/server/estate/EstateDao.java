package nl.flexplek.server.estate;

import java.util.List;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for the estate tables. Rows come out flat; {@link EstateRepository} assembles them. */
interface EstateDao {

    record SiteRow(String id, String name, String address, String timeZone) {
    }

    record HoursRow(String siteId, int weekday, String opens, String closes) {
    }

    record ClosureRow(String siteId, String day, String reason) {
    }

    record FloorRow(String id, String siteId, String name, int level) {
    }

    record ZoneRow(String id, String floorId, String name, String team) {
    }

    record ResourceRow(String id, String siteId, String floorId, String zoneId, String type, String name,
                       String features, Integer capacity, Integer rangeKm, Double x, Double y, String sensorId,
                       boolean inService) {
    }

    @SqlQuery("SELECT id, name, address, time_zone FROM site")
    @RegisterConstructorMapper(SiteRow.class)
    List<SiteRow> sites();

    @SqlQuery("SELECT site_id, weekday, opens, closes FROM opening_hours")
    @RegisterConstructorMapper(HoursRow.class)
    List<HoursRow> openingHours();

    @SqlQuery("SELECT site_id, day, reason FROM closure_day")
    @RegisterConstructorMapper(ClosureRow.class)
    List<ClosureRow> closures();

    @SqlQuery("SELECT id, site_id, name, level FROM floor ORDER BY level, id")
    @RegisterConstructorMapper(FloorRow.class)
    List<FloorRow> floors();

    @SqlQuery("SELECT id, floor_id, name, team FROM zone ORDER BY id")
    @RegisterConstructorMapper(ZoneRow.class)
    List<ZoneRow> zones();

    @SqlQuery("""
            SELECT id, site_id, floor_id, zone_id, type, name, features, capacity, range_km, x, y, sensor_id, in_service
            FROM resource""")
    @RegisterConstructorMapper(ResourceRow.class)
    List<ResourceRow> resources();

    @SqlQuery("SELECT count(*) FROM site WHERE id = :id")
    int siteExists(String id);

    @SqlQuery("SELECT count(*) FROM resource WHERE id = :id")
    int resourceExists(String id);

    @SqlUpdate("""
            INSERT INTO site (id, name, address, time_zone) VALUES (:id, :name, :address, :timeZone)
            ON CONFLICT (id) DO UPDATE SET name = excluded.name, address = excluded.address, time_zone = excluded.time_zone""")
    void upsertSite(String id, String name, String address, String timeZone);

    @SqlUpdate("DELETE FROM opening_hours WHERE site_id = :siteId")
    void clearOpeningHours(String siteId);

    @SqlUpdate("INSERT INTO opening_hours (site_id, weekday, opens, closes) VALUES (:siteId, :weekday, :opens, :closes)")
    void insertOpeningHours(String siteId, int weekday, String opens, String closes);

    @SqlUpdate("DELETE FROM closure_day WHERE site_id = :siteId")
    void clearClosures(String siteId);

    @SqlUpdate("INSERT INTO closure_day (site_id, day, reason) VALUES (:siteId, :day, :reason)")
    void insertClosure(String siteId, String day, String reason);

    @SqlQuery("SELECT site_id FROM floor WHERE id = :id")
    List<String> floorSite(String id);

    @SqlUpdate("""
            INSERT INTO floor (id, site_id, name, level) VALUES (:id, :siteId, :name, :level)
            ON CONFLICT (id) DO UPDATE SET name = excluded.name, level = excluded.level""")
    void upsertFloor(String id, String siteId, String name, int level);

    @SqlQuery("SELECT floor_id FROM zone WHERE id = :id")
    List<String> zoneFloor(String id);

    @SqlUpdate("""
            INSERT INTO zone (id, floor_id, name, team) VALUES (:id, :floorId, :name, :team)
            ON CONFLICT (id) DO UPDATE SET name = excluded.name, team = excluded.team""")
    void upsertZone(String id, String floorId, String name, String team);

    @SqlUpdate("""
            INSERT INTO resource (id, site_id, floor_id, zone_id, type, name, features, capacity, range_km, x, y,
                                  sensor_id, in_service)
            VALUES (:id, :siteId, :floorId, :zoneId, :type, :name, :features, :capacity, :rangeKm, :x, :y,
                    :sensorId, :inService)
            ON CONFLICT (id) DO UPDATE SET site_id = excluded.site_id, floor_id = excluded.floor_id,
                zone_id = excluded.zone_id, type = excluded.type, name = excluded.name, features = excluded.features,
                capacity = excluded.capacity, range_km = excluded.range_km, x = excluded.x, y = excluded.y,
                sensor_id = excluded.sensor_id, in_service = excluded.in_service""")
    void upsertResource(String id, String siteId, String floorId, String zoneId, String type, String name,
                        String features, Integer capacity, Integer rangeKm, Double x, Double y, String sensorId,
                        boolean inService);

    @SqlQuery("SELECT id FROM resource WHERE sensor_id = :sensorId AND id <> :resourceId")
    List<String> otherResourceWithSensor(String sensorId, String resourceId);
}
