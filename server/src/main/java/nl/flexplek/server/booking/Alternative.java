package nl.flexplek.server.booking;

import java.time.OffsetDateTime;

/**
 * A free resource offered when the one asked for cannot be booked: another desk for the same day part, the same
 * room later that day or another room at the same time, or another vehicle for the same trip. {@code start} and
 * {@code end} are the slot it is free for, with the site's offset; {@code capacity} is given for rooms and
 * {@code expectedSoc} (charge expected at the start, percent) for vehicles when known.
 */
public record Alternative(String resourceId, String name, String floorId, String zoneId, OffsetDateTime start,
                          OffsetDateTime end, Integer capacity, Integer expectedSoc) {
}
