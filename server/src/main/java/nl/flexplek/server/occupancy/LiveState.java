package nl.flexplek.server.occupancy;

import java.time.Instant;

import nl.flexplek.server.estate.ResourceType;

/**
 * The live state of one resource: its state and since when, a vehicle's plug and charge, and a summary of its
 * sensor. Never who booked it.
 */
public record LiveState(String resourceId, String siteId, ResourceType type, ResourceState state, Instant since,
                        Boolean plugged, Integer soc, Sensor sensor) {

    /** The sensor behind the state, if the resource has one. */
    public record Sensor(String id, SensorStatus status, Instant lastSeen, Integer battery) {
    }

    boolean sameAs(LiveState other) {
        return other != null && state == other.state && java.util.Objects.equals(plugged, other.plugged)
                && java.util.Objects.equals(soc, other.soc)
                && java.util.Objects.equals(sensor == null ? null : sensor.status(),
                other.sensor == null ? null : other.sensor.status());
    }
}
