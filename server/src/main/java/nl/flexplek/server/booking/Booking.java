package nl.flexplek.server.booking;

import java.time.Instant;
import java.time.LocalDate;

import nl.flexplek.server.estate.ResourceType;

/** One booking as stored: times are UTC instants; desks also keep the local date and day part they were booked by. */
public record Booking(long id, String resourceId, ResourceType resourceType, long accountId, String username,
                      String displayName, Instant startsAt, Instant endsAt, Instant blockedUntil, LocalDate localDate,
                      DayPart dayPart, Integer attendees, BookingStatus status, Instant createdAt,
                      Instant checkedInAt, CheckInMethod checkInMethod, Instant cancelledAt, Instant releasedAt,
                      String releaseReason) {

    public boolean holdsResourceAt(Instant at) {
        return status.holdsResource() && !startsAt.isAfter(at) && endsAt.isAfter(at);
    }
}
