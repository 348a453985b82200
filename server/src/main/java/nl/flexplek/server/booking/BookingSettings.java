package nl.flexplek.server.booking;

import java.time.LocalTime;
import java.util.Map;

import nl.flexplek.server.estate.ResourceType;

/**
 * Booking configuration: the initial policy per resource type (managers can change them later; the database keeps
 * the current ones), where the morning ends and the afternoon begins, the room slot grid, and the local time from
 * which a desk booking's no-show grace period counts at the earliest (a day booking starts at opening time, but
 * people are not expected before the working day begins).
 */
public record BookingSettings(Map<ResourceType, BookingPolicy> defaultPolicies, LocalTime midday, int roomGridMinutes,
                              LocalTime deskGraceFrom) {
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
