package nl.flexplek.server.occupancy;

import com.fasterxml.jackson.annotation.JsonValue;
import nl.flexplek.server.common.Coded;

/** What a sensor measures: presence at a desk or in a room, a people count in a room, or a vehicle's state. */
public enum SensorKind implements Coded {
    PRESENCE("presence"),
    COUNTER("counter"),
    VEHICLE("vehicle");

    private final String code;

    SensorKind(String code) {
        this.code = code;
    }

    @JsonValue
    @Override
    public String code() {
        return code;
    }
}
