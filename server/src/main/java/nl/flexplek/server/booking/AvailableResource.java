package nl.flexplek.server.booking;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import nl.flexplek.server.estate.Position;
import nl.flexplek.server.estate.Resource;
import nl.flexplek.server.estate.ResourceType;

/**
 * A free resource in an availability answer: the resource, and for vehicles their charge now ({@code soc},
 * {@code plugged}) and the charge expected at the trip's start ({@code expectedSoc}). The charge members are always
 * written, null when unknown (and for desks and rooms), so clients can rely on the shape.
 */
public record AvailableResource(String id, String siteId, String floorId, String zoneId, ResourceType type,
                                String name, List<String> features, Integer capacity, Integer rangeKm,
                                Position position, String sensorId, Boolean inService,
                                @JsonInclude(JsonInclude.Include.ALWAYS) Integer soc,
                                @JsonInclude(JsonInclude.Include.ALWAYS) Boolean plugged,
                                @JsonInclude(JsonInclude.Include.ALWAYS) Integer expectedSoc) {

    static AvailableResource of(Resource r, VehicleCharge.Charge charge) {
        return new AvailableResource(r.id(), r.siteId(), r.floorId(), r.zoneId(), r.type(), r.name(), r.features(),
                r.capacity(), r.rangeKm(), r.position(), r.sensorId(), r.inService(),
                charge.soc(), charge.plugged(), charge.expectedSoc());
    }
}
