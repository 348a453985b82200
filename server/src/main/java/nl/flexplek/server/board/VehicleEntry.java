package nl.flexplek.server.board;

import java.time.Instant;

import nl.flexplek.server.estate.ResourceType;
import nl.flexplek.server.occupancy.ResourceState;

/**
 * A pool e-bike or e-car on the board: its state, charge and plug, until when it is free today, and when a booked
 * or absent vehicle is expected free again.
 */
public record VehicleEntry(String id, String name, ResourceType type, ResourceState state, Instant since, Integer soc,
                           Boolean plugged, Integer rangeKm, Instant freeUntil, Instant nextFreeAt)
        implements BoardEntry {
}
