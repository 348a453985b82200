package nl.flexplek.server.booking;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import nl.flexplek.server.estate.ResourceType;

/** A search for free resources of one type at a site, for a desk day part or a start-end interval. */
public record AvailabilityQuery(String siteId, ResourceType type, LocalDate date, DayPart part, OffsetDateTime start,
                                OffsetDateTime end, List<String> features, String zoneId, Integer minCapacity) {
}
