package nl.flexplek.server.board;

import java.time.Instant;
import java.util.List;

import nl.flexplek.server.occupancy.ResourceState;

/**
 * A meeting room on the board. {@code freeUntil}: when the next booking starts today (null: free for the rest of
 * the day); {@code busyUntil}: when the current booking or occupation ends (null when free); {@code next}: the
 * coming bookings today, times only.
 */
public record RoomEntry(String id, String name, String floorId, Integer capacity, List<String> features,
                        ResourceState state, Instant since, Instant freeUntil, Instant busyUntil, List<TimeSlot> next)
        implements BoardEntry {
}
