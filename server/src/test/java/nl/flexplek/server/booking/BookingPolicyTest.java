package nl.flexplek.server.booking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;

import nl.flexplek.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bookings only inside opening hours and each type's policy; every refusal names its rule. */
class BookingPolicyTest {
    private static TestServer server;
    private static String alice;
    private static String carol;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        alice = server.login("alice");
        carol = server.login("carol");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static TestServer.Response deskOn(String token, String desk, String date, String part) {
        return server.post("/api/v1/bookings", token, Map.of("resourceId", desk, "date", date, "part", part));
    }

    private static TestServer.Response room(String token, String start, String end, Integer attendees) {
        Map<String, Object> body = new HashMap<>(Map.of("resourceId", "room-1", "start", start, "end", end));
        if (attendees != null) {
            body.put("attendees", attendees);
        }
        return server.post("/api/v1/bookings", token, body);
    }

    private static void assertRule(TestServer.Response res, String rule) {
        assertEquals(422, res.status(), res.body());
        assertEquals("application/problem+json", res.contentType());
        assertEquals(rule, res.json().get("rule").asText(), res.body());
        assertTrue(res.json().get("detail").asText().length() > 10);
    }

    @Test
    void aDeskCanBeBookedFourteenDaysAheadButNotFifteen() {
        assertEquals(201, deskOn(alice, "desk-3", "2026-12-07", "morning").status());
        assertRule(deskOn(alice, "desk-3", "2026-12-08", "morning"), "max-days-ahead");
    }

    @Test
    void notOnAClosureDayOrWhenTheSiteIsClosed() {
        server.clock.set(java.time.Instant.parse("2026-12-20T08:00:00Z"));
        String alice = server.login("alice");
        try {
            TestServer.Response christmas = deskOn(alice, "desk-1", "2026-12-25", "day");
            assertRule(christmas, "closed");
            assertTrue(christmas.json().get("detail").asText().contains("Christmas Day"));
            // Saturday the town hall closes at noon: there is no afternoon.
            assertRule(deskOn(alice, "desk-1", "2026-12-26", "afternoon"), "opening-hours");
            assertEquals(201, deskOn(alice, "desk-1", "2026-12-26", "morning").status());
        } finally {
            server.clock.set(TestServer.MONDAY_8AM);
        }
    }

    @Test
    void oneDeskPerPersonPerDayPart() {
        assertEquals(201, deskOn(alice, "desk-1", "2026-12-03", "morning").status());
        TestServer.Response second = deskOn(alice, "desk-2", "2026-12-03", "day");
        assertRule(second, "one-desk-per-person");
        assertTrue(second.json().get("detail").asText().contains("Desk 1"), second.body());
        assertEquals(201, deskOn(alice, "desk-2", "2026-12-03", "afternoon").status());
    }

    @Test
    void roomsAreBookedOnTheQuarterHourInsideOpeningHoursForAtMostTheirCapacity() {
        TestServer.Response offGrid = room(alice, "2026-11-24T10:05:00+01:00", "2026-11-24T11:00:00+01:00", null);
        assertEquals(400, offGrid.status());
        assertEquals("start", offGrid.json().get("errors").get(0).get("name").asText());
        assertRule(room(alice, "2026-11-24T17:30:00+01:00", "2026-11-24T18:30:00+01:00", null), "opening-hours");
        assertRule(room(alice, "2026-11-24T10:00:00+01:00", "2026-11-24T11:00:00+01:00", 7), "capacity");
        TestServer.Response ok = room(alice, "2026-11-24T10:00:00+01:00", "2026-11-24T11:00:00+01:00", 6);
        assertEquals(201, ok.status(), ok.body());
        assertEquals(6, ok.json().get("attendees").asInt());
        // The same instant written in UTC is the same slot.
        assertEquals(409, room(alice, "2026-11-24T09:30:00Z", "2026-11-24T10:00:00Z", null).status());
        assertRule(room(alice, "2026-11-25T08:00:00+01:00", "2026-11-25T17:00:00+01:00", null), "max-duration");
    }

    @Test
    void nothingInThePastAndNothingOutOfService() {
        server.clock.set(TestServer.MONDAY_8AM.plus(java.time.Duration.ofHours(4)));
        try {
            assertRule(room(alice, "2026-11-23T09:00:00+01:00", "2026-11-23T10:00:00+01:00", null), "in-the-past");
        } finally {
            server.clock.set(TestServer.MONDAY_8AM);
        }
        assertEquals(200, server.patch("/api/v1/resources/desk-3", carol, Map.of("inService", false)).status());
        try {
            assertRule(deskOn(alice, "desk-3", "2026-11-26", "day"), "out-of-service");
            server.get("/api/v1/availability?siteId=town-hall&type=desk&date=2026-11-26", alice).json().get("resources")
                    .forEach(r -> assertTrue(!r.get("id").asText().equals("desk-3")));
        } finally {
            server.patch("/api/v1/resources/desk-3", carol, Map.of("inService", true));
        }
    }

    @Test
    void aManagerChangesThePolicyAndItAppliesToTheNextBooking() {
        Map<String, Object> policy = Map.of("resourceType", "ebike", "maxDaysAhead", 30, "maxDurationMinutes", 60,
                "maxUpcomingPerPerson", 3, "turnaroundMinutes", 0, "checkInOpensMinutes", 15, "graceMinutes", 15);
        TestServer.Response changed = server.put("/api/v1/policies/ebike", carol, policy);
        assertEquals(200, changed.status(), changed.body());
        assertRule(server.post("/api/v1/bookings", alice, Map.of("resourceId", "ebike-1",
                "start", "2026-11-24T10:00:00+01:00", "end", "2026-11-24T11:30:00+01:00")), "max-duration");
        TestServer.Response invalid = server.put("/api/v1/policies/ebike", carol, Map.of("resourceType", "ebike"));
        assertEquals(400, invalid.status());
        server.restart();
        String token = server.login("carol");
        assertEquals(60, java.util.stream.StreamSupport.stream(server.get("/api/v1/policies", token).json().get("policies")
                .spliterator(), false).filter(p -> p.get("resourceType").asText().equals("ebike"))
                .findFirst().orElseThrow().get("maxDurationMinutes").asInt());
        alice = server.login("alice");
        carol = token;
    }

    @Test
    void refusesACheckInBySensorFromAPerson_andAListThatEndsBeforeItStarts_withFieldProblems() {
        TestServer.Response bySensor = server.post("/api/v1/bookings/999999/check-in", alice, Map.of("method", "sensor"));
        assertEquals(400, bySensor.status(), bySensor.body());
        assertEquals("application/problem+json", bySensor.contentType());
        assertTrue(bySensor.body().contains("method"), bySensor.body());
        TestServer.Response backwards = server.get("/api/v1/bookings?from=2026-11-28T00:00:00Z&to=2026-11-27T00:00:00Z", alice);
        assertEquals(400, backwards.status(), backwards.body());
        assertTrue(backwards.body().contains("must be after from"), backwards.body());
    }

    @Test
    void aRetriedCreateWithTheSameIdempotencyKeyReturnsTheFirstBooking() {
        Map<String, Object> body = Map.of("resourceId", "desk-2", "date", "2026-11-27", "part", "morning");
        Map<String, String> key = Map.of("Idempotency-Key", "phone-retry-1");
        TestServer.Response first = server.post("/api/v1/bookings", alice, body, key);
        TestServer.Response retry = server.post("/api/v1/bookings", alice, body, key);
        assertEquals(201, first.status(), first.body());
        assertEquals(201, retry.status(), retry.body());
        assertEquals(first.json().get("id"), retry.json().get("id"));
        assertEquals("true", retry.header("Idempotent-Replayed"));
        assertEquals(1, server.get("/api/v1/bookings?from=2026-11-27T00:00:00Z&to=2026-11-28T00:00:00Z", alice)
                .json().get("bookings").size());
        TestServer.Response reused = server.post("/api/v1/bookings", alice,
                Map.of("resourceId", "desk-2", "date", "2026-11-27", "part", "afternoon"), key);
        assertEquals(422, reused.status());
        assertEquals("https://flexplek.nl/problems/idempotency-key-reused", reused.json().get("type").asText());
    }

    @Test
    void atMostSoManyUpcomingBookingsPerPerson() {
        String bob = server.login("bob");
        for (int day = 1; day <= 3; day++) {
            TestServer.Response res = server.post("/api/v1/bookings", bob, Map.of("resourceId", "ecar-1",
                    "start", "2026-12-0" + day + "T09:00:00+01:00", "end", "2026-12-0" + day + "T10:00:00+01:00"));
            assertEquals(201, res.status(), res.body());
        }
        assertRule(server.post("/api/v1/bookings", bob, Map.of("resourceId", "ecar-1",
                "start", "2026-12-04T09:00:00+01:00", "end", "2026-12-04T10:00:00+01:00")), "max-upcoming");
    }
}
