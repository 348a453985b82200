package nl.flexplek.server.board;

import java.time.Instant;
import java.util.List;

import nl.flexplek.server.occupancy.ResourceState;

/** A desk on the board: where it is on the floor map and what it is doing now. */
public record DeskEntry(String id, String name, String floorId, String zoneId, Double x, Double y,
                        List<String> features, ResourceState state, Instant since) implements BoardEntry {
}
