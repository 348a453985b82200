package nl.flexplek.server.occupancy;

import java.time.Instant;

/** What the server knows of one sensor. Mutable, owned by the occupancy worker thread. */
final class SensorRecord {
    final String id;
    SensorKind kind;
    Instant firstSeen;
    Instant lastSeen;
    Integer battery;
    boolean dirty;

    SensorRecord(String id, SensorKind kind, Instant firstSeen, Instant lastSeen, Integer battery) {
        this.id = id;
        this.kind = kind;
        this.firstSeen = firstSeen;
        this.lastSeen = lastSeen;
        this.battery = battery;
    }

    void heard(Reading reading) {
        if (firstSeen == null) {
            firstSeen = reading.ts();
        }
        if (lastSeen == null || reading.ts().isAfter(lastSeen)) {
            lastSeen = reading.ts();
        }
        if (reading.battery() != null) {
            battery = reading.battery();
        }
        if (reading.kind() != null) {
            kind = reading.kind();
        }
        dirty = true;
    }
}
