package nl.flexplek.server.booking;

import java.time.Instant;

import nl.flexplek.server.estate.ResourceType;

/**
 * Which bookings to list; null fields do not filter, except a null {@code from} (now) and {@code to} (a long way
 * after {@code from}). {@code username} is for facility managers only.
 */
public record BookingFilter(String username, String siteId, String resourceId, ResourceType type,
                            BookingStatus status, Instant from, Instant to, int limit) {
}
