package nl.flexplek.server.booking;

import java.time.Instant;
import java.time.LocalDate;

/** The time a booking asks for, resolved to instants; desks also carry their local date and day part. */
public record Slot(Instant start, Instant end, LocalDate date, DayPart part) {
}
