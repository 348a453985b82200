package nl.flexplek.server.booking;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import nl.flexplek.server.common.Coded;

/** How a booking was checked in: in the app, by scanning the desk's QR code, or by the occupancy sensor. */
public enum CheckInMethod implements Coded {
    APP("app"),
    QR("qr"),
    SENSOR("sensor");

    private final String code;

    CheckInMethod(String code) {
        this.code = code;
    }

    @JsonValue
    @Override
    public String code() {
        return code;
    }

    @JsonCreator
    public static CheckInMethod of(String code) {
        return Coded.find(CheckInMethod.class, code).orElseThrow(() -> new IllegalArgumentException("must be app or qr"));
    }
}
