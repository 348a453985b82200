package nl.flexplek.sim;

import com.fasterxml.jackson.annotation.JsonCreator;

import java.util.Locale;

/** What a resource is, as the server's estate names it; decides which kind of sensor watches it. */
public enum ResourceType {
    DESK, ROOM, EBIKE, ECAR;

    @JsonCreator
    static ResourceType of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }

    /** Desks have presence sensors, rooms people counters, vehicles a state-of-charge tracker. */
    public SensorKind sensorKind() {
        return switch (this) {
            case DESK -> SensorKind.PRESENCE;
            case ROOM -> SensorKind.COUNTER;
            case EBIKE, ECAR -> SensorKind.VEHICLE;
        };
    }

    public boolean isVehicle() {
        return this == EBIKE || this == ECAR;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
