package nl.flexplek.sim;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A desk, room, e-bike or e-car. Only resources with a {@code sensorId} are simulated; {@code capacity} bounds a
 * room's head count and {@code rangeKm} turns a vehicle's trip into used charge.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Resource(String id, String siteId, ResourceType type, String name, Integer capacity, Integer rangeKm,
                       String sensorId, Boolean inService) {
    public Resource {
        if (id == null || siteId == null || type == null) {
            throw new IllegalArgumentException("a resource needs an id, a siteId and a type");
        }
        inService = inService == null || inService;
    }

    public boolean hasSensor() {
        return sensorId != null && !sensorId.isBlank();
    }
}
