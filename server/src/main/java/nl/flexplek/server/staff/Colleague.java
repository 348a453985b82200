package nl.flexplek.server.staff;

import com.fasterxml.jackson.annotation.JsonInclude;
import nl.flexplek.server.booking.DayPart;

/**
 * A teammate who opted in, and the desk they have booked today: nothing about other days, and no times of arrival or
 * check-in. Every member is always written; {@code floorId} and {@code zoneId} may be null.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Colleague(String displayName, String siteId, String siteName, String resourceId, String resourceName,
                        String floorId, String zoneId, DayPart part) {
}
