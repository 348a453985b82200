package nl.flexplek.server.booking;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * What a person asks to book. Desks: {@code date} and {@code part}. Rooms and vehicles: {@code start} and
 * {@code end} with an offset; rooms may say how many {@code attendees} will come.
 */
public record BookingRequest(String resourceId, LocalDate date, DayPart part, OffsetDateTime start,
                             OffsetDateTime end, Integer attendees) {
    public BookingRequest {
        if (resourceId == null || resourceId.isBlank()) {
            throw new IllegalArgumentException("resourceId is required");
        }
    }
}
