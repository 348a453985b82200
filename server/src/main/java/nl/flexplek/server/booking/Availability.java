package nl.flexplek.server.booking;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import nl.flexplek.server.estate.ResourceType;

/** The answer to an availability search: the slot searched and the resources free for all of it. */
public record Availability(String siteId, ResourceType type, OffsetDateTime start, OffsetDateTime end, LocalDate date,
                           DayPart part, int count, List<AvailableResource> resources) {
}
