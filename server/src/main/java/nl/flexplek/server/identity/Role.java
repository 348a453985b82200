package nl.flexplek.server.identity;

import com.fasterxml.jackson.annotation.JsonValue;
import nl.flexplek.server.common.Coded;

/** What an account may do. A kiosk is a read-only device bound to one site. */
public enum Role implements Coded {
    EMPLOYEE("employee"),
    FACILITY_MANAGER("facility-manager"),
    KIOSK("kiosk");

    private final String code;

    Role(String code) {
        this.code = code;
    }

    @JsonValue
    @Override
    public String code() {
        return code;
    }
}
