package nl.flexplek.server.booking;

import java.time.LocalTime;
import java.util.Map;

import nl.flexplek.server.estate.ResourceType;

/**
 * Booking configuration: the initial policy per resource type (managers can change them later; the database keeps
 * the current ones), where the morning ends and the afternoon begins, and the room slot grid.
 */
public record BookingSettings(Map<ResourceType, BookingPolicy> defaultPolicies, LocalTime midday, int roomGridMinutes) {
    public BookingSettings {
        for (ResourceType type : ResourceType.values()) {
            if (!defaultPolicies.containsKey(type)) {
                throw new IllegalArgumentException("flexplek.booking.policies." + type.code() + " is missing");
            }
        }
        defaultPolicies = Map.copyOf(defaultPolicies);
        if (roomGridMinutes < 1 || 60 % roomGridMinutes != 0) {
            throw new IllegalArgumentException("flexplek.booking.room-grid-minutes must divide 60");
        }
    }
}
