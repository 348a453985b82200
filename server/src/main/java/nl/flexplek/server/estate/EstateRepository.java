package nl.flexplek.server.estate;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.flexplek.server.common.ConflictException;
import nl.flexplek.server.common.InvalidRequestException;
import org.jdbi.v3.core.Handle;

/** Loads the estate snapshot from the database and writes sites and resources, checking that references fit. */
final class EstateRepository {
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private final ObjectMapper mapper;

    EstateRepository(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    Estate load(Handle handle) {
        EstateDao dao = handle.attach(EstateDao.class);
        Map<String, List<OpeningHours>> hours = new HashMap<>();
        for (EstateDao.HoursRow row : dao.openingHours()) {
            hours.computeIfAbsent(row.siteId(), k -> new ArrayList<>()).add(new OpeningHours(DayOfWeek.of(row.weekday()),
                    OpeningHours.time(row.opens(), "opens"), OpeningHours.time(row.closes(), "closes")));
        }
        Map<String, List<ClosureDay>> closures = new HashMap<>();
        for (EstateDao.ClosureRow row : dao.closures()) {
            closures.computeIfAbsent(row.siteId(), k -> new ArrayList<>())
                    .add(new ClosureDay(LocalDate.parse(row.day()), row.reason()));
        }
        Map<String, List<Zone>> zones = new HashMap<>();
        for (EstateDao.ZoneRow row : dao.zones()) {
            zones.computeIfAbsent(row.floorId(), k -> new ArrayList<>()).add(new Zone(row.id(), row.name(), row.team()));
        }
        Map<String, List<Floor>> floors = new HashMap<>();
        for (EstateDao.FloorRow row : dao.floors()) {
            floors.computeIfAbsent(row.siteId(), k -> new ArrayList<>())
                    .add(new Floor(row.id(), row.name(), row.level(), zones.getOrDefault(row.id(), List.of())));
        }
        List<Site> sites = dao.sites().stream()
                .map(row -> new Site(row.id(), row.name(), row.address(), ZoneId.of(row.timeZone()),
                        hours.getOrDefault(row.id(), List.of()), closures.getOrDefault(row.id(), List.of()),
                        floors.getOrDefault(row.id(), List.of())))
                .toList();
        List<Resource> resources = dao.resources().stream().map(this::resource).toList();
        return new Estate(sites, resources);
    }

    /** Creates or updates a site with its hours, closures, floors and zones. Returns true when it was new. */
    boolean saveSite(Handle handle, Site site) {
        EstateDao dao = handle.attach(EstateDao.class);
        boolean created = dao.siteExists(site.id()) == 0;
        dao.upsertSite(site.id(), site.name(), site.address(), site.timeZone().getId());
        dao.clearOpeningHours(site.id());
        for (OpeningHours h : site.openingHours()) {
            dao.insertOpeningHours(site.id(), h.day().getValue(), h.opensText(), h.closesText());
        }
        dao.clearClosures(site.id());
        for (ClosureDay c : site.closures()) {
            dao.insertClosure(site.id(), c.date().toString(), c.reason());
        }
        for (Floor floor : site.floors()) {
            List<String> owner = dao.floorSite(floor.id());
            if (!owner.isEmpty() && !owner.getFirst().equals(site.id())) {
                throw new ConflictException("id-in-use", "Floor '" + floor.id() + "' already belongs to site '" + owner.getFirst() + "'.");
            }
            dao.upsertFloor(floor.id(), site.id(), floor.name(), floor.level());
            for (Zone zone : floor.zones()) {
                List<String> zoneOwner = dao.zoneFloor(zone.id());
                if (!zoneOwner.isEmpty() && !zoneOwner.getFirst().equals(floor.id())) {
                    throw new ConflictException("id-in-use", "Zone '" + zone.id() + "' already belongs to floor '" + zoneOwner.getFirst() + "'.");
                }
                dao.upsertZone(zone.id(), floor.id(), zone.name(), zone.team());
            }
        }
        return created;
    }

    /** Creates or updates a resource after checking its site, floor, zone and sensor. Returns true when it was new. */
    boolean saveResource(Handle handle, Estate estate, Resource r) {
        EstateDao dao = handle.attach(EstateDao.class);
        Site site = estate.site(r.siteId())
                .orElseThrow(() -> InvalidRequestException.field("siteId", "there is no site '" + r.siteId() + "'"));
        if (r.floorId() != null && site.floor(r.floorId()).isEmpty()) {
            throw InvalidRequestException.field("floorId", "site '" + site.id() + "' has no floor '" + r.floorId() + "'");
        }
        if (r.zoneId() != null) {
            boolean zoneOnFloor = r.floorId() != null && site.floor(r.floorId()).orElseThrow().zones().stream()
                    .anyMatch(z -> z.id().equals(r.zoneId()));
            if (!zoneOnFloor) {
                throw InvalidRequestException.field("zoneId", "floor '" + r.floorId() + "' has no zone '" + r.zoneId() + "'");
            }
        }
        if (r.sensorId() != null) {
            List<String> other = dao.otherResourceWithSensor(r.sensorId(), r.id());
            if (!other.isEmpty()) {
                throw new ConflictException("sensor-in-use", "Sensor '" + r.sensorId() + "' already watches resource '" + other.getFirst() + "'.");
            }
        }
        boolean created = dao.resourceExists(r.id()) == 0;
        dao.upsertResource(r.id(), r.siteId(), r.floorId(), r.zoneId(), r.type().code(), r.name(), json(r.features()),
                r.capacity(), r.rangeKm(), r.position() == null ? null : r.position().x(),
                r.position() == null ? null : r.position().y(), r.sensorId(), r.inService());
        return created;
    }

    private Resource resource(EstateDao.ResourceRow row) {
        try {
            Position position = row.x() == null || row.y() == null ? null : new Position(row.x(), row.y());
            return new Resource(row.id(), row.siteId(), row.floorId(), row.zoneId(), ResourceType.of(row.type()),
                    row.name(), mapper.readValue(row.features(), STRINGS), row.capacity(), row.rangeKm(), position,
                    row.sensorId(), row.inService());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Resource " + row.id() + " has unreadable features", e);
        }
    }

    private String json(List<String> features) {
        try {
            return mapper.writeValueAsString(features);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
