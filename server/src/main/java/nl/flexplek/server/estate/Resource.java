package nl.flexplek.server.estate;

import java.util.List;
import java.util.TreeSet;

/**
 * Something bookable: a desk, a meeting room, an e-bike or an e-car. Vehicles belong to their home site.
 * {@code sensorId} names the occupancy or vehicle sensor that watches it, if any.
 */
public record Resource(String id, String siteId, String floorId, String zoneId, ResourceType type, String name,
                       List<String> features, Integer capacity, Integer rangeKm, Position position,
                       String sensorId, Boolean inService) {
    public Resource {
        Ids.require(id, "resource id");
        Ids.require(siteId, "siteId");
        Ids.optional(floorId, "floorId");
        Ids.optional(zoneId, "zoneId");
        if (type == null) {
            throw new IllegalArgumentException("type is required: desk, room, ebike or ecar");
        }
        name = Ids.text(name, "name", 200);
        TreeSet<String> sorted = new TreeSet<>();
        for (String feature : features == null ? List.<String>of() : features) {
            if (!type.features().contains(feature)) {
                throw new IllegalArgumentException("feature '" + feature + "' is not one of " + new TreeSet<>(type.features())
                        + " for a " + type.code());
            }
            sorted.add(feature);
        }
        features = List.copyOf(sorted);
        if (type == ResourceType.ROOM && capacity == null) {
            throw new IllegalArgumentException("a room needs a capacity");
        }
        if (capacity != null && (capacity < 1 || capacity > 1000)) {
            throw new IllegalArgumentException("capacity must be between 1 and 1000");
        }
        if (rangeKm != null && (rangeKm < 1 || rangeKm > 2000)) {
            throw new IllegalArgumentException("rangeKm must be between 1 and 2000");
        }
        if (rangeKm != null && !type.isVehicle()) {
            throw new IllegalArgumentException("only e-bikes and e-cars have a rangeKm");
        }
        if (sensorId != null && (sensorId.isBlank() || sensorId.length() > 128)) {
            throw new IllegalArgumentException("sensorId must be 1-128 characters");
        }
        inService = inService == null || inService;
    }

    public boolean hasFeatures(List<String> wanted) {
        return features.containsAll(wanted);
    }

    public Resource withInService(boolean value) {
        return new Resource(id, siteId, floorId, zoneId, type, name, features, capacity, rangeKm, position, sensorId, value);
    }
}
