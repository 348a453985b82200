package nl.flexplek.server.booking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import nl.flexplek.server.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * When Alice cannot have what she asked for, the refusal says why in a code the app can translate, and offers what
 * is free instead: another desk near by, the same room a bit later or another room, another vehicle.
 */
class FriendlyRefusalTest {
    private TestServer server;
    private String alice;
    private String bob;

    @BeforeEach
    void start() {
        server = TestServer.start();
        alice = server.login("alice");
        bob = server.login("bob");
        String carol = server.login("carol");
        for (Map<String, Object> resource : List.<Map<String, Object>>of(
                Map.of("id", "room-2", "siteId", "town-hall", "floorId", "th-1", "type", "room", "name", "Room Rijn", "capacity", 10),
                Map.of("id", "room-3", "siteId", "town-hall", "floorId", "th-1", "type", "room", "name", "Room IJssel", "capacity", 4),
                Map.of("id", "room-b", "siteId", "berlin-office", "floorId", "bo-0", "type", "room", "name", "Raum Spree", "capacity", 12),
                Map.of("id", "ecar-2", "siteId", "town-hall", "type", "ecar", "name", "E-car 2"))) {
            TestServer.Response res = server.post("/api/v1/resources", carol, resource);
            assertEquals(201, res.status(), res.body());
        }
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static List<String> ids(JsonNode alternatives) {
        List<String> ids = new ArrayList<>();
        alternatives.forEach(a -> ids.add(a.get("resourceId").asText()));
        return ids;
    }

    @Test
    void aTakenDeskOffersDesksInTheSameZoneFirstThenTheSameFloor() {
        assertEquals(201, server.post("/api/v1/bookings", bob, Map.of("resourceId", "desk-1", "date", "2026-11-24", "part", "morning")).status());

        TestServer.Response taken = server.post("/api/v1/bookings", alice, Map.of("resourceId", "desk-1", "date", "2026-11-24", "part", "morning"));
        assertEquals(409, taken.status());
        assertEquals("application/problem+json", taken.contentType());
        JsonNode problem = taken.json();
        assertEquals("https://flexplek.nl/problems/conflict", problem.get("type").asText());
        assertEquals("taken", problem.get("conflict").asText());
        assertFalse(problem.get("detail").asText().contains("Bob"), "never by whom");
        JsonNode alternatives = problem.get("alternatives");
        assertEquals(List.of("desk-2", "desk-3"), ids(alternatives), "the ICT corner, then the quiet area; not Berlin");
        JsonNode first = alternatives.get(0);
        assertEquals("Desk 2", first.get("name").asText());
        assertEquals("th-1", first.get("floorId").asText());
        assertEquals("th-1-ict", first.get("zoneId").asText());
        assertEquals("2026-11-24T08:00:00+01:00", first.get("start").asText());
        assertEquals("2026-11-24T13:00:00+01:00", first.get("end").asText());

        // An alternative really is free: she books it.
        assertEquals(201, server.post("/api/v1/bookings", alice, Map.of("resourceId", "desk-2", "date", "2026-11-24", "part", "morning")).status());
        TestServer.Response again = server.post("/api/v1/bookings", server.login("carol"),
                Map.of("resourceId", "desk-1", "date", "2026-11-24", "part", "morning"));
        assertEquals(List.of("desk-3"), ids(again.json().get("alternatives")));
    }

    @Test
    void aTakenRoomOffersTheSameRoomLaterThenOtherRoomsWithEnoughSeats() {
        assertEquals(201, server.post("/api/v1/bookings", bob, Map.of("resourceId", "room-1",
                "start", "2026-11-24T10:00:00+01:00", "end", "2026-11-24T11:00:00+01:00")).status());
        assertEquals(201, server.post("/api/v1/bookings", bob, Map.of("resourceId", "room-1",
                "start", "2026-11-24T11:15:00+01:00", "end", "2026-11-24T12:00:00+01:00")).status());

        TestServer.Response taken = server.post("/api/v1/bookings", alice, Map.of("resourceId", "room-1",
                "start", "2026-11-24T10:30:00+01:00", "end", "2026-11-24T11:30:00+01:00", "attendees", 5));
        assertEquals(409, taken.status(), taken.body());
        JsonNode alternatives = taken.json().get("alternatives");
        assertEquals(List.of("room-1", "room-2"), ids(alternatives), "IJssel seats 4, Spree is in Berlin");
        JsonNode later = alternatives.get(0);
        assertEquals("2026-11-24T12:00:00+01:00", later.get("start").asText(), "the first free hour after 10:30");
        assertEquals("2026-11-24T13:00:00+01:00", later.get("end").asText());
        assertEquals(6, later.get("capacity").asInt());
        JsonNode other = alternatives.get(1);
        assertEquals("2026-11-24T10:30:00+01:00", other.get("start").asText());
        assertEquals("2026-11-24T11:30:00+01:00", other.get("end").asText());
        assertEquals(10, other.get("capacity").asInt());

        // Without attendees any room will do, the smallest first.
        TestServer.Response small = server.post("/api/v1/bookings", alice, Map.of("resourceId", "room-1",
                "start", "2026-11-24T10:30:00+01:00", "end", "2026-11-24T11:30:00+01:00"));
        assertEquals(List.of("room-1", "room-3", "room-2"), ids(small.json().get("alternatives")));
    }

    @Test
    void aRoomTakenUntilClosingOffersNoLaterSlot() {
        assertEquals(201, server.post("/api/v1/bookings", bob, Map.of("resourceId", "room-1",
                "start", "2026-11-24T16:00:00+01:00", "end", "2026-11-24T18:00:00+01:00")).status());
        TestServer.Response taken = server.post("/api/v1/bookings", alice, Map.of("resourceId", "room-1",
                "start", "2026-11-24T17:00:00+01:00", "end", "2026-11-24T18:00:00+01:00"));
        assertEquals(List.of("room-3", "room-2"), ids(taken.json().get("alternatives")));
    }

    @Test
    void aRoomTooSmallIsAPolicyRefusalThatOffersBiggerRooms() {
        TestServer.Response tooMany = server.post("/api/v1/bookings", alice, Map.of("resourceId", "room-1",
                "start", "2026-11-24T10:00:00+01:00", "end", "2026-11-24T11:00:00+01:00", "attendees", 8));
        assertEquals(422, tooMany.status());
        assertEquals("capacity", tooMany.json().get("rule").asText());
        assertEquals(List.of("room-2"), ids(tooMany.json().get("alternatives")));
    }

    @Test
    void aTakenVehicleOffersAnotherOfTheSameType() {
        assertEquals(201, server.post("/api/v1/bookings", bob, Map.of("resourceId", "ecar-1",
                "start", "2026-11-24T09:00:00+01:00", "end", "2026-11-24T12:00:00+01:00")).status());
        TestServer.Response taken = server.post("/api/v1/bookings", alice, Map.of("resourceId", "ecar-1",
                "start", "2026-11-24T11:00:00+01:00", "end", "2026-11-24T13:00:00+01:00"));
        assertEquals(409, taken.status());
        JsonNode alternatives = taken.json().get("alternatives");
        assertEquals(List.of("ecar-2"), ids(alternatives), "not the e-bike");
        assertEquals("2026-11-24T11:00:00+01:00", alternatives.get(0).get("start").asText());

        // The other car is taken too (its turnaround included): nothing to offer, and the answer says so.
        assertEquals(201, server.post("/api/v1/bookings", bob, Map.of("resourceId", "ecar-2",
                "start", "2026-11-24T08:00:00+01:00", "end", "2026-11-24T10:45:00+01:00")).status());
        TestServer.Response none = server.post("/api/v1/bookings", alice, Map.of("resourceId", "ecar-1",
                "start", "2026-11-24T11:00:00+01:00", "end", "2026-11-24T13:00:00+01:00"));
        assertEquals(409, none.status());
        assertEquals(0, none.json().get("alternatives").size());
    }

    @Test
    void anOutOfServiceDeskOffersOthersButOnlyForABookableSlot() {
        assertEquals(200, server.patch("/api/v1/resources/desk-1", server.login("carol"), Map.of("inService", false)).status());
        TestServer.Response out = server.post("/api/v1/bookings", alice, Map.of("resourceId", "desk-1", "date", "2026-11-24", "part", "day"));
        assertEquals(422, out.status());
        assertEquals("out-of-service", out.json().get("rule").asText());
        assertEquals(List.of("desk-2", "desk-3"), ids(out.json().get("alternatives")));

        TestServer.Response tooFar = server.post("/api/v1/bookings", alice, Map.of("resourceId", "desk-1", "date", "2027-01-04", "part", "day"));
        assertEquals("out-of-service", tooFar.json().get("rule").asText());
        assertFalse(tooFar.json().has("alternatives"), "a desk two months ahead cannot be booked at all yet");
    }

    @Test
    void otherRefusalsNameTheirRuleOrConflictAndOfferNothing() {
        TestServer.Response tooFar = server.post("/api/v1/bookings", alice, Map.of("resourceId", "desk-1", "date", "2027-01-04", "part", "day"));
        assertEquals(422, tooFar.status());
        assertEquals("max-days-ahead", tooFar.json().get("rule").asText());
        assertFalse(tooFar.json().has("alternatives"));

        assertEquals(201, server.post("/api/v1/bookings", alice, Map.of("resourceId", "desk-1", "date", "2026-11-24", "part", "day")).status());
        TestServer.Response secondDesk = server.post("/api/v1/bookings", alice, Map.of("resourceId", "desk-2", "date", "2026-11-24", "part", "morning"));
        assertEquals(422, secondDesk.status());
        assertEquals("one-desk-per-person", secondDesk.json().get("rule").asText());
        assertFalse(secondDesk.json().has("alternatives"), "another desk is no help");

        long room = server.post("/api/v1/bookings", alice, Map.of("resourceId", "room-1",
                "start", "2026-11-24T10:00:00+01:00", "end", "2026-11-24T11:00:00+01:00")).json().get("id").asLong();
        TestServer.Response mine = server.post("/api/v1/bookings", alice, Map.of("resourceId", "room-1",
                "start", "2026-11-24T10:00:00+01:00", "end", "2026-11-24T11:00:00+01:00"));
        assertEquals(409, mine.status());
        assertEquals("already-yours", mine.json().get("conflict").asText());
        assertFalse(mine.json().has("alternatives"));

        assertEquals(204, server.delete("/api/v1/bookings/" + room, alice).status());
        TestServer.Response twice = server.delete("/api/v1/bookings/" + room, alice);
        assertEquals(409, twice.status());
        assertEquals("booking-cancelled", twice.json().get("conflict").asText());
        TestServer.Response checkIn = server.post("/api/v1/bookings/" + room + "/check-in", alice, Map.of());
        assertEquals("booking-cancelled", checkIn.json().get("conflict").asText());

        TestServer.Response duplicate = server.post("/api/v1/resources", server.login("carol"),
                Map.of("id", "desk-1", "siteId", "town-hall", "type", "desk", "name", "Desk 1 again"));
        assertEquals(409, duplicate.status());
        assertEquals("duplicate-id", duplicate.json().get("conflict").asText());
        assertTrue(duplicate.json().get("detail").asText().contains("desk-1"));
    }
}
