package nl.flexplek.server.board;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import nl.flexplek.server.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The site board and its live stream as a kiosk sees them: the seeded state, changes from sensors and bookings
 * within moments, resuming after a dropped connection, and nothing about who booked.
 */
class BoardTest {
    private TestServer server;
    private String manager;

    @BeforeEach
    void start() {
        server = TestServer.start(Map.of("flexplek.board.heartbeat", "PT0.3S"));
        await().atMost(Duration.ofSeconds(10)).until(() -> server.app().mqttConnected());
        manager = server.login("carol");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private JsonNode registerKiosk(String siteId) {
        TestServer.Response answer = server.post("/api/v1/kiosks", manager, Map.of("siteId", siteId, "language", "de"));
        assertEquals(201, answer.status(), answer.toString());
        return answer.json();
    }

    private SseClient stream(String token, Map<String, String> headers) {
        return new SseClient(server.url("/api/v1/sites/town-hall/board/events?token=" + token), headers);
    }

    private static JsonNode find(JsonNode array, String id) {
        for (JsonNode node : array) {
            if (node.get("id").asText().equals(id)) {
                return node;
            }
        }
        throw new AssertionError(id + " is not in " + array);
    }

    @Test
    void boardShowsEveryResourceWithItsStateAndTodaysScheduleButNoNames() {
        String alice = server.login("alice");
        server.post("/api/v1/bookings", alice, Map.of("resourceId", "desk-3", "date", "2026-11-23", "part", "day"));
        server.post("/api/v1/bookings", alice, Map.of("resourceId", "room-1",
                "start", "2026-11-23T10:00:00+01:00", "end", "2026-11-23T11:00:00+01:00", "attendees", 4));
        String kiosk = registerKiosk("town-hall").get("token").asText();

        TestServer.Response answer = server.get("/api/v1/sites/town-hall/board?token=" + kiosk, null);
        assertEquals(200, answer.status(), answer.toString());
        JsonNode board = answer.json();
        assertEquals("town-hall", board.at("/site/id").asText());
        assertEquals("Europe/Amsterdam", board.at("/site/timeZone").asText());
        assertTrue(board.at("/openingHours/open").asBoolean());
        JsonNode floor = board.at("/floors/0");
        assertEquals("th-1", floor.get("id").asText());
        assertEquals(3, floor.get("desks").size());
        assertEquals("booked", find(floor.get("desks"), "desk-3").get("state").asText());
        assertEquals(1.0, find(floor.get("desks"), "desk-1").get("x").asDouble());
        JsonNode room = find(board.get("rooms"), "room-1");
        assertEquals("2026-11-23T09:00:00Z", room.get("freeUntil").asText(), "free until the 10:00 meeting");
        assertEquals("2026-11-23T09:00:00Z", room.at("/next/0/start").asText());
        assertTrue(board.at("/links/desk").asText().endsWith("/d/{resourceId}"));
        assertTrue(board.at("/links/booking").asText().endsWith("/find?site=town-hall"));
        assertFalse(answer.body().contains("alice") || answer.body().contains("Alice"), "a kiosk never shows who booked");
    }

    @Test
    void sensorMessageAndBookingReachAnOpenStreamWithinMoments() {
        String kiosk = registerKiosk("town-hall").get("token").asText();
        try (SseClient stream = stream(kiosk, Map.of())) {
            assertEquals(200, stream.status);
            await().atMost(Duration.ofSeconds(5)).until(() -> stream.comments.contains("connected"));

            server.publish("flexplek/sensors/pir-desk-2/state", "{\"occupied\": true, \"battery\": 80}");
            await().atMost(Duration.ofSeconds(5)).until(() -> stream.named("resource").stream()
                    .anyMatch(e -> e.data().contains("\"desk-2\"") && e.data().contains("\"walk-in\"")));

            String alice = server.login("alice");
            server.post("/api/v1/bookings", alice, Map.of("resourceId", "room-1",
                    "start", "2026-11-23T12:00:00+01:00", "end", "2026-11-23T13:00:00+01:00"));
            await().atMost(Duration.ofSeconds(5)).until(() -> stream.named("resource").stream()
                    .anyMatch(e -> e.data().contains("\"kind\":\"room\"") && e.data().contains("2026-11-23T11:00:00Z")));
            assertTrue(stream.events.stream().noneMatch(e -> e.data().contains("alice")));
        }
    }

    @Test
    void aDroppedStreamResumesAfterTheLastEventItSaw() {
        String kiosk = registerKiosk("town-hall").get("token").asText();
        String lastSeen;
        try (SseClient first = stream(kiosk, Map.of())) {
            await().atMost(Duration.ofSeconds(5)).until(() -> first.comments.contains("connected"));
            server.publish("flexplek/sensors/pir-desk-1/state", "{\"occupied\": true}");
            await().atMost(Duration.ofSeconds(5)).until(() -> !first.named("resource").isEmpty());
            lastSeen = first.named("resource").getLast().id();
        }
        server.publish("flexplek/sensors/pir-desk-2/state", "{\"occupied\": true}");
        await().atMost(Duration.ofSeconds(5)).until(() -> server.app().occupancy().resource("desk-2")
                .map(s -> s.state().code().equals("walk-in")).orElse(false));

        try (SseClient resumed = stream(kiosk, Map.of("Last-Event-ID", lastSeen))) {
            await().atMost(Duration.ofSeconds(5)).until(() -> resumed.named("resource").stream()
                    .anyMatch(e -> e.data().contains("\"desk-2\"")));
            assertTrue(resumed.named("reset").isEmpty(), "what was missed is replayed, no reset needed");
        }
        try (SseClient stranger = stream(kiosk, Map.of("Last-Event-ID", "12345-7"))) {
            await().atMost(Duration.ofSeconds(5)).until(() -> !stranger.named("reset").isEmpty());
        }
    }

    @Test
    void heartbeatsKeepTheStreamOpen_andARevokedKioskIsCutOff() {
        JsonNode kiosk = registerKiosk("town-hall");
        try (SseClient stream = stream(kiosk.get("token").asText(), Map.of())) {
            await().atMost(Duration.ofSeconds(5)).until(() -> stream.comments.contains("keep-alive"));
            assertEquals(204, server.delete("/api/v1/kiosks/" + kiosk.get("id").asLong(), manager).status());
            await().atMost(Duration.ofSeconds(5)).until(stream::ended);
        }
        assertEquals(401, server.get("/api/v1/sites/town-hall/board?token=" + kiosk.get("token").asText(), null).status());
    }

    @Test
    void estateChangeTellsScreensToStartAgain() {
        String kiosk = registerKiosk("town-hall").get("token").asText();
        try (SseClient stream = stream(kiosk, Map.of())) {
            await().atMost(Duration.ofSeconds(5)).until(() -> stream.comments.contains("connected"));
            server.patch("/api/v1/resources/desk-3", manager, Map.of("inService", false));
            await().atMost(Duration.ofSeconds(5)).until(() -> !stream.named("reset").isEmpty()
                    || stream.named("resource").stream().anyMatch(e -> e.data().contains("out-of-service")));
        }
    }

    @Test
    void kioskRegistrationShowsTheTokenOnceAndListsWithoutIt() {
        JsonNode kiosk = registerKiosk("town-hall");
        String token = kiosk.get("token").asText();
        assertTrue(kiosk.get("url").asText().contains("/kiosk/town-hall?token=" + token + "&lang=de"));
        assertFalse(kiosk.hasNonNull("lastSeenAt"), "a new kiosk has not been seen");
        server.get("/api/v1/sites/town-hall/board", token);

        TestServer.Response list = server.get("/api/v1/kiosks", manager);
        assertEquals(200, list.status());
        assertFalse(list.body().contains(token), "the token is shown only at registration");
        JsonNode listed = list.json().get(0);
        assertEquals("de", listed.get("language").asText());
        assertTrue(listed.hasNonNull("lastSeenAt"), "reading the board counts as the kiosk being seen");
        assertEquals(200, server.get("/api/v1/kiosks/" + listed.get("id").asLong(), manager).status());
    }

    @Test
    void qrCodesAreSvgOfTheBookingPageAndTheDeskLabel() {
        String kiosk = registerKiosk("town-hall").get("token").asText();
        TestServer.Response qr = server.get("/api/v1/sites/town-hall/board/qr.svg?token=" + kiosk, null);
        assertEquals(200, qr.status());
        assertTrue(qr.contentType().startsWith("image/svg+xml"));
        assertTrue(qr.body().contains("<path d=\"M") && qr.body().contains("/find?site=town-hall"));
        TestServer.Response label = server.get("/api/v1/resources/desk-1/qr.svg", manager);
        assertEquals(200, label.status());
        assertTrue(label.body().contains("/d/desk-1"));
    }

    @Test
    void badKioskRegistrationsAreExplained() {
        for (Map<String, Object> body : List.<Map<String, Object>>of(Map.of(), Map.of("siteId", "atlantis"),
                Map.of("siteId", "town-hall", "language", "fr"), Map.of("siteId", 42, "name", List.of()))) {
            TestServer.Response answer = server.post("/api/v1/kiosks", manager, body);
            assertEquals(400, answer.status(), body + " → " + answer);
            assertTrue(answer.contentType().startsWith("application/problem+json"));
        }
        assertEquals(404, server.delete("/api/v1/kiosks/999", manager).status());
    }
}
