package nl.flexplek.server.booking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import nl.flexplek.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Day parts and opening hours follow the site's local clock on the days it changes. */
class DaylightSavingTest {
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static JsonNode bookDay(String date, Instant now) {
        server.clock.set(now);
        TestServer.Response res = server.post("/api/v1/bookings", server.login("alice"),
                Map.of("resourceId", "desk-1", "date", date, "part", "day"));
        assertEquals(201, res.status(), res.body());
        return res.json();
    }

    @Test
    void onTheLastSundayOfMarchTheDeskDayIsInSummerTime() {
        JsonNode booking = bookDay("2026-03-29", Instant.parse("2026-03-27T12:00:00Z"));
        assertEquals("2026-03-29T08:00:00+02:00", booking.get("start").asText());
        assertEquals("2026-03-29T18:00:00+02:00", booking.get("end").asText());
        // Friday before is still winter time: the same opening hours are an hour later in UTC.
        JsonNode friday = bookDay("2026-03-27", Instant.parse("2026-03-27T07:30:00Z"));
        assertEquals("2026-03-27T08:00:00+01:00", friday.get("start").asText());
        assertEquals(Duration.ofHours(10), Duration.between(OffsetDateTime.parse(booking.get("start").asText()),
                OffsetDateTime.parse(booking.get("end").asText())));
        assertEquals(Instant.parse("2026-03-29T06:00:00Z"), OffsetDateTime.parse(booking.get("start").asText()).toInstant());
        assertEquals(Instant.parse("2026-03-27T07:00:00Z"), OffsetDateTime.parse(friday.get("start").asText()).toInstant());
    }

    @Test
    void onTheLastSundayOfOctoberTheMorningEndsAtLocalMidday() {
        server.clock.set(Instant.parse("2026-10-23T12:00:00Z"));
        TestServer.Response morning = server.post("/api/v1/bookings", server.login("bob"),
                Map.of("resourceId", "desk-2", "date", "2026-10-25", "part", "morning"));
        assertEquals(201, morning.status(), morning.body());
        assertEquals("2026-10-25T08:00:00+01:00", morning.json().get("start").asText());
        assertEquals("2026-10-25T13:00:00+01:00", morning.json().get("end").asText());
        // Saturday before: summer time.
        TestServer.Response saturday = server.post("/api/v1/bookings", server.login("bob"),
                Map.of("resourceId", "desk-2", "date", "2026-10-24", "part", "morning"));
        assertEquals("2026-10-24T09:00:00+02:00", saturday.json().get("start").asText());
        assertEquals("2026-10-24T12:00:00+02:00", saturday.json().get("end").asText());
    }

    @Test
    void aRoomAcrossTheChangeIsCheckedAgainstLocalOpeningHours() {
        server.clock.set(Instant.parse("2026-10-20T12:00:00Z"));
        // 17:00-18:00 local on 25 October is 16:00-17:00 UTC (winter time): inside opening hours.
        TestServer.Response ok = server.post("/api/v1/bookings", server.login("alice"), Map.of("resourceId", "room-1",
                "start", "2026-10-25T16:00:00Z", "end", "2026-10-25T17:00:00Z"));
        assertEquals(201, ok.status(), ok.body());
        assertEquals("2026-10-25T17:00:00+01:00", ok.json().get("start").asText());
        // 17:30 UTC is 18:30 local: after closing.
        TestServer.Response late = server.post("/api/v1/bookings", server.login("alice"), Map.of("resourceId", "room-1",
                "start", "2026-10-25T17:00:00Z", "end", "2026-10-25T17:30:00Z"));
        assertEquals(422, late.status(), late.body());
    }

    @Test
    void aBerlinDeskUsesBerlinTime() {
        server.clock.set(Instant.parse("2026-11-23T06:00:00Z"));
        TestServer.Response res = server.post("/api/v1/bookings", server.login("carol"),
                Map.of("resourceId", "b-desk-1", "date", "2026-11-24", "part", "morning"));
        assertEquals(201, res.status(), res.body());
        assertEquals("2026-11-24T07:00:00+01:00", res.json().get("start").asText());
    }
}
