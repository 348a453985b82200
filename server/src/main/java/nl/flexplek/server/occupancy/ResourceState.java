package nl.flexplek.server.occupancy;

import com.fasterxml.jackson.annotation.JsonValue;
import nl.flexplek.server.common.Coded;

/** What a resource is doing right now, as screens and dashboards show it. */
public enum ResourceState implements Coded {
    FREE("free"),
    /** Reserved for now, nobody there yet. */
    BOOKED("booked"),
    /** Booked and someone is there (or checked in). */
    IN_USE("in-use"),
    /** Someone is there without a booking. */
    WALK_IN("walk-in"),
    /** Its sensor has gone silent: what is happening there is not known. */
    OFFLINE("offline"),
    OUT_OF_SERVICE("out-of-service"),
    /** A vehicle that is out on a trip. */
    AWAY("away");

    private final String code;

    ResourceState(String code) {
        this.code = code;
    }

    @JsonValue
    @Override
    public String code() {
        return code;
    }
}
