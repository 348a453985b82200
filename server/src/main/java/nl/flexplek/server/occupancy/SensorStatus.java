package nl.flexplek.server.occupancy;

import com.fasterxml.jackson.annotation.JsonValue;
import nl.flexplek.server.common.Coded;

/** A sensor's health: fine, its battery is low, or it has been silent too long. */
public enum SensorStatus implements Coded {
    OK("ok"),
    LOW_BATTERY("low-battery"),
    OFFLINE("offline");

    private final String code;

    SensorStatus(String code) {
        this.code = code;
    }

    @JsonValue
    @Override
    public String code() {
        return code;
    }
}
