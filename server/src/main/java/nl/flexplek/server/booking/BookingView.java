package nl.flexplek.server.booking;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import nl.flexplek.server.estate.Resource;
import nl.flexplek.server.estate.ResourceType;

/**
 * A booking as the API shows it to its owner or a facility manager: times with the site's offset, the resource's
 * name and site, and who booked it.
 */
public record BookingView(long id, String resourceId, String resourceName, ResourceType resourceType, String siteId,
                          OffsetDateTime start, OffsetDateTime end, LocalDate date, DayPart part, Integer attendees,
                          BookingStatus status, Owner owner, Instant createdAt, Instant checkedInAt,
                          CheckInMethod checkInMethod, Instant cancelledAt, Instant releasedAt,
                          String releaseReason) {

    /** Who booked it. */
    public record Owner(String username, String displayName) {
    }

    static BookingView of(Booking b, Resource resource, ZoneId zone) {
        return new BookingView(b.id(), b.resourceId(), resource.name(), b.resourceType(), resource.siteId(),
                b.startsAt().atZone(zone).toOffsetDateTime(), b.endsAt().atZone(zone).toOffsetDateTime(),
                b.localDate(), b.dayPart(), b.attendees(), b.status(), new Owner(b.username(), b.displayName()),
                b.createdAt(), b.checkedInAt(), b.checkInMethod(), b.cancelledAt(), b.releasedAt(), b.releaseReason());
    }
}
