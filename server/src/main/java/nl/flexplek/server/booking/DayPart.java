package nl.flexplek.server.booking;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import nl.flexplek.server.common.Coded;

/** Desks are booked for the whole opening day, or the morning or afternoon of it (split at the site's midday). */
public enum DayPart implements Coded {
    DAY("day"),
    MORNING("morning"),
    AFTERNOON("afternoon");

    private final String code;

    DayPart(String code) {
        this.code = code;
    }

    @JsonValue
    @Override
    public String code() {
        return code;
    }

    @JsonCreator
    public static DayPart of(String code) {
        return Coded.find(DayPart.class, code).orElseThrow(() -> new IllegalArgumentException("must be day, morning or afternoon"));
    }
}
