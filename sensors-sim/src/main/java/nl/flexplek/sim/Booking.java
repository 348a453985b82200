package nl.flexplek.sim;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.time.OffsetDateTime;

/** A booking as the server's API lists it to a facility manager; only what the behaviour model needs. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Booking(long id, String resourceId, ResourceType resourceType, String siteId, Instant start,
                      Instant end, Integer attendees, Status status) {

    // The API writes times with the site's offset ("2026-11-24T08:00:00+01:00"); instants are what we compute with.
    @JsonCreator
    static Booking of(@JsonProperty("id") long id, @JsonProperty("resourceId") String resourceId,
                      @JsonProperty("resourceType") ResourceType resourceType, @JsonProperty("siteId") String siteId,
                      @JsonProperty("start") OffsetDateTime start, @JsonProperty("end") OffsetDateTime end,
                      @JsonProperty("attendees") Integer attendees, @JsonProperty("status") String status) {
        return new Booking(id, resourceId, resourceType, siteId, start.toInstant(), end.toInstant(), attendees,
                Status.of(status));
    }

    /** Someone may still turn up: the booking is not cancelled (a released no-show can still see a late arrival). */
    public boolean mayBeUsed() {
        return status != Status.CANCELLED;
    }

    /** The booking's life as the server reports it. */
    public enum Status {
        CONFIRMED, CHECKED_IN, CANCELLED, NO_SHOW;

        static Status of(String code) {
            return switch (code == null ? "confirmed" : code) {
                case "checked-in" -> CHECKED_IN;
                case "cancelled" -> CANCELLED;
                case "no-show" -> NO_SHOW;
                default -> CONFIRMED;
            };
        }
    }
}
