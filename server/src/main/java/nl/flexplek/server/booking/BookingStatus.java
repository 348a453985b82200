package nl.flexplek.server.booking;

import com.fasterxml.jackson.annotation.JsonValue;
import nl.flexplek.server.common.Coded;

/** Where a booking stands. Confirmed and checked-in bookings hold their resource; the others do not. */
public enum BookingStatus implements Coded {
    CONFIRMED("confirmed"),
    CHECKED_IN("checked-in"),
    CANCELLED("cancelled"),
    NO_SHOW("no-show");

    private final String code;

    BookingStatus(String code) {
        this.code = code;
    }

    @JsonValue
    @Override
    public String code() {
        return code;
    }

    public boolean holdsResource() {
        return this == CONFIRMED || this == CHECKED_IN;
    }
}
