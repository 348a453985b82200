package nl.flexplek.server.occupancy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

import nl.flexplek.server.estate.Estate;
import nl.flexplek.server.estate.Resource;

/**
 * Every sensor the server knows: which resource each one watches (from the estate), what was last heard of it
 * (kind, first and last seen, battery) and its health. A sensor nobody assigned is kept and listed, not dropped.
 * <p>
 * Threads: changed only on the occupancy worker thread; {@link #views()} is safe on any thread.
 */
final class SensorRegistry {
    private static final Logger LOG = Logger.getLogger(SensorRegistry.class.getName());

    private final OccupancyRules rules;
    private final Map<String, Resource> bySensor = new HashMap<>();
    private final Map<String, SensorRecord> sensors = new HashMap<>();
    private final Map<String, SensorView> views = new ConcurrentHashMap<>();

    SensorRegistry(OccupancyRules rules, List<OccupancyDao.SensorRow> stored) {
        this.rules = rules;
        for (OccupancyDao.SensorRow row : stored) {
            sensors.put(row.id(), new SensorRecord(row.id(), row.kind(), row.firstSeen(), row.lastSeen(), row.battery()));
        }
    }

    /** Takes which sensor watches which resource from a new estate. */
    void assign(Estate estate) {
        bySensor.clear();
        estate.resources().values().stream().filter(r -> r.sensorId() != null).forEach(r -> bySensor.put(r.sensorId(), r));
    }

    /** Notes what a message told of its sensor and returns the resource it watches, or null when it watches none. */
    Resource heard(Reading reading, Instant now) {
        SensorRecord sensor = sensorFor(reading.sensorIds());
        sensor.heard(reading);
        Resource resource = bySensor.get(sensor.id);
        views.put(sensor.id, view(sensor, now));
        return resource;
    }

    /** The known sensor among the message's ids; an unknown one is registered unassigned rather than dropped. */
    private SensorRecord sensorFor(List<String> ids) {
        for (String id : ids) {
            SensorRecord known = sensors.get(id);
            if (known != null) {
                return known;
            }
            if (bySensor.containsKey(id)) {
                SensorRecord fresh = new SensorRecord(id, null, null, null, null);
                sensors.put(id, fresh);
                return fresh;
            }
        }
        String id = ids.getFirst();
        SensorRecord unknown = new SensorRecord(id, null, null, null, null);
        sensors.put(id, unknown);
        LOG.info(() -> "New sensor '" + id + "' is not assigned to any resource; it is listed for the facility managers");
        return unknown;
    }

    /** The resource's sensor as last heard of, or null when it has none or it was never heard. */
    SensorRecord sensorOf(Resource resource) {
        return resource.sensorId() == null ? null : sensors.get(resource.sensorId());
    }

    /** The health of the resource's sensor now, or null when the resource has no sensor. */
    SensorStatus status(Resource resource, Instant now) {
        return resource.sensorId() == null ? null : rules.status(sensors.get(resource.sensorId()), resource, now);
    }

    /** Works out every sensor's view again: health changes with time alone. */
    void refreshViews(Instant now) {
        views.clear();
        for (SensorRecord sensor : sensors.values()) {
            views.put(sensor.id, view(sensor, now));
        }
        for (String id : bySensor.keySet()) {
            views.computeIfAbsent(id, k -> view(new SensorRecord(k, null, null, null, null), now));
        }
    }

    /** Every sensor: those the estate names and those heard of but not yet assigned, in id order. */
    List<SensorView> views() {
        return views.values().stream().sorted(Comparator.comparing(SensorView::id)).toList();
    }

    /** What was heard of sensors since the last call, to store; each sensor is handed out once per change. */
    List<OccupancyDao.SensorRow> takeChanged() {
        List<OccupancyDao.SensorRow> changed = new ArrayList<>();
        for (SensorRecord s : sensors.values()) {
            if (s.dirty) {
                changed.add(new OccupancyDao.SensorRow(s.id, s.kind, s.firstSeen, s.lastSeen, s.battery));
                s.dirty = false;
            }
        }
        return changed;
    }

    private SensorView view(SensorRecord sensor, Instant now) {
        Resource resource = bySensor.get(sensor.id);
        return new SensorView(sensor.id, resource == null ? null : resource.id(),
                sensor.kind != null ? sensor.kind : resource == null ? null : OccupancyRules.expectedKind(resource),
                resource == null ? null : resource.siteId(), sensor.lastSeen, sensor.battery,
                rules.status(sensor, resource, now));
    }
}
