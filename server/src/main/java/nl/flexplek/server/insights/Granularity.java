package nl.flexplek.server.insights;

import nl.flexplek.server.common.Coded;

/** How finely open data is cut: one row per site and day, or per site and opening hour. */
public enum Granularity implements Coded {
    DAY("day"),
    HOUR("hour");

    private final String code;

    Granularity(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
