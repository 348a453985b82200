package nl.flexplek.server.booking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import nl.flexplek.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Alice's Tuesday: she finds a standing desk near her team, books it, checks in on arrival and leaves early. */
class BookingStoryTest {
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aliceFindsBooksChecksInAndEndsHerDeskDay() {
        String alice = server.login("alice");

        // Monday morning she looks for a standing desk in the ICT corner for tomorrow.
        JsonNode free = server.get("/api/v1/availability?siteId=town-hall&type=desk&date=2026-11-24&part=day"
                + "&features=standing&zoneId=th-1-ict", alice).json();
        assertEquals(1, free.get("count").asInt());
        assertEquals("desk-1", free.get("resources").get(0).get("id").asText());
        assertEquals("2026-11-24T08:00:00+01:00", free.get("start").asText());

        TestServer.Response booked = server.post("/api/v1/bookings", alice,
                Map.of("resourceId", "desk-1", "date", "2026-11-24", "part", "day"));
        assertEquals(201, booked.status(), booked.body());
        long id = booked.json().get("id").asLong();
        assertEquals("/api/v1/bookings/" + id, booked.header("Location"));
        assertEquals("confirmed", booked.json().get("status").asText());
        assertEquals("2026-11-24T18:00:00+01:00", booked.json().get("end").asText());

        // The desk is no longer offered, and her booking is in her list.
        JsonNode after = server.get("/api/v1/availability?siteId=town-hall&type=desk&date=2026-11-24", alice).json();
        after.get("resources").forEach(r -> assertFalse(r.get("id").asText().equals("desk-1")));
        JsonNode mine = server.get("/api/v1/bookings", alice).json().get("bookings");
        assertEquals(1, mine.size());
        assertEquals(id, mine.get(0).get("id").asLong());

        // Check-in is not open the day before...
        TestServer.Response early = server.post("/api/v1/bookings/" + id + "/check-in", alice, Map.of());
        assertEquals(422, early.status());
        assertEquals("check-in-window", early.json().get("rule").asText());

        // ...but is when she walks in on Tuesday at 08:50 (scanning the desk's QR code).
        server.clock.set(TestServer.MONDAY_8AM.plus(Duration.ofDays(1)).plus(Duration.ofMinutes(50)));
        alice = server.login("alice");
        TestServer.Response checkedIn = server.post("/api/v1/bookings/" + id + "/check-in", alice, Map.of("method", "qr"));
        assertEquals(200, checkedIn.status(), checkedIn.body());
        assertEquals("checked-in", checkedIn.json().get("status").asText());
        assertEquals("qr", checkedIn.json().get("checkInMethod").asText());

        // At 12:30 she goes home: cancelling a checked-in booking ends it now and frees the afternoon.
        server.clock.set(TestServer.MONDAY_8AM.plus(Duration.ofDays(1)).plus(Duration.ofMinutes(270)));
        assertEquals(204, server.delete("/api/v1/bookings/" + id, alice).status());
        JsonNode ended = server.get("/api/v1/bookings/" + id, alice).json();
        assertEquals("checked-in", ended.get("status").asText());
        assertEquals("2026-11-24T12:30:00+01:00", ended.get("end").asText());

        String bob = server.login("bob");
        TestServer.Response afternoon = server.post("/api/v1/bookings", bob,
                Map.of("resourceId", "desk-1", "date", "2026-11-24", "part", "afternoon"));
        assertEquals(201, afternoon.status(), afternoon.body());
        assertTrue(afternoon.json().get("start").asText().startsWith("2026-11-24T13:00"));
    }
}
