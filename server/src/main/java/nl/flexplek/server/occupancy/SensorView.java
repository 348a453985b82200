package nl.flexplek.server.occupancy;

import java.time.Instant;

/** A sensor as facility managers see it; {@code resourceId} is null for a sensor nobody has assigned. */
public record SensorView(String id, String resourceId, SensorKind kind, String siteId, Instant lastSeen,
                         Integer battery, SensorStatus status) {
}
