package nl.flexplek.server.estate;

import java.util.List;

/** One floor of a site, with its zones. */
public record Floor(String id, String name, int level, List<Zone> zones) {
    public Floor {
        Ids.require(id, "floor id");
        name = Ids.text(name, "floor name", 200);
        if (level < -10 || level > 200) {
            throw new IllegalArgumentException("floor level must be between -10 and 200");
        }
        zones = zones == null ? List.of() : List.copyOf(zones);
    }
}
