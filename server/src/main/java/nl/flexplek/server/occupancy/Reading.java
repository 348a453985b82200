package nl.flexplek.server.occupancy;

import java.time.Instant;
import java.util.List;

/**
 * One decoded sensor message in the common model, whatever format it came in. {@code sensorIds} are the ids the
 * message may belong to, best first (a LoRaWAN device is known by its device id or its DevEUI). A reading with no
 * kind is a heartbeat: the sensor is alive, nothing else is known.
 */
public record Reading(List<String> sensorIds, SensorKind kind, Boolean occupied, Integer count, Boolean present,
                      Boolean plugged, Integer soc, Double odometerKm, Integer battery, Instant ts) {

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isHeartbeat() {
        return kind == null;
    }

    /** Whether the reading says someone is there (presence or a count above zero). */
    public boolean saysOccupied() {
        return (occupied != null && occupied) || (count != null && count > 0);
    }
}
