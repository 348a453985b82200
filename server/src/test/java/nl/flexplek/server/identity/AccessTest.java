package nl.flexplek.server.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;

import nl.flexplek.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every endpoint admits only the callers it names; everyone else is turned away. */
class AccessTest {
    private static TestServer server;
    private static String alice;
    private static String bob;
    private static String carol;
    private static String kiosk;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        alice = server.login("alice");
        bob = server.login("bob");
        carol = server.login("carol");
        kiosk = server.login("kiosk-town-hall");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static long aliceBooks(String date) {
        TestServer.Response res = server.post("/api/v1/bookings", alice,
                Map.of("resourceId", "desk-1", "date", date, "part", "morning"));
        assertEquals(201, res.status(), res.body());
        return res.json().get("id").asLong();
    }

    @Test
    void anEmployeeCannotSeeOrCancelOrCheckInAnothersBooking() {
        long id = aliceBooks("2026-11-30");
        assertEquals(404, server.get("/api/v1/bookings/" + id, bob).status());
        assertEquals(404, server.delete("/api/v1/bookings/" + id, bob).status());
        assertEquals(404, server.post("/api/v1/bookings/" + id + "/check-in", bob, Map.of()).status());
        assertEquals(0, server.get("/api/v1/bookings?from=2026-11-30T00:00:00Z", bob).json().get("bookings").size());
        assertEquals(403, server.get("/api/v1/bookings?username=alice", bob).status());
        // Alice's booking is untouched.
        assertEquals("confirmed", server.get("/api/v1/bookings/" + id, alice).json().get("status").asText());
    }

    @Test
    void aManagerSeesEveryonesBookingsButCannotCheckInForThem() {
        long id = aliceBooks("2026-12-01");
        TestServer.Response seen = server.get("/api/v1/bookings/" + id, carol);
        assertEquals(200, seen.status());
        assertEquals("alice", seen.json().get("owner").get("username").asText());
        assertEquals(1, server.get("/api/v1/bookings?username=alice&from=2026-12-01T00:00:00Z&to=2026-12-02T00:00:00Z",
                carol).json().get("bookings").size());
        assertEquals(403, server.post("/api/v1/bookings/" + id + "/check-in", carol, Map.of()).status());
    }

    @Test
    void aKioskCannotBookOrListBookingsOrSeeAnotherSite() {
        TestServer.Response book = server.post("/api/v1/bookings", kiosk,
                Map.of("resourceId", "desk-2", "date", "2026-12-02", "part", "day"));
        assertEquals(403, book.status());
        assertEquals("application/problem+json", book.contentType());
        assertEquals(403, server.get("/api/v1/bookings", kiosk).status());
        // Its own site it may read.
        assertEquals(200, server.get("/api/v1/sites/town-hall", kiosk).status());
        assertEquals(1, server.get("/api/v1/sites", kiosk).json().get("sites").size());
        assertEquals(200, server.get("/api/v1/availability?siteId=town-hall&type=desk&date=2026-11-24", kiosk).status());
    }

    @Test
    void aKioskGetsForbiddenOnEverySiteDataRouteOfAnotherSite() {
        for (String path : java.util.List.of(
                "/api/v1/sites/berlin-office",
                "/api/v1/sites/berlin-office/board",
                "/api/v1/sites/berlin-office/board/events",
                "/api/v1/sites/berlin-office/board/qr.svg",
                "/api/v1/sites/berlin-office/occupancy",
                "/api/v1/resources?siteId=berlin-office",
                "/api/v1/resources/b-desk-1",
                "/api/v1/availability?siteId=berlin-office&type=desk&date=2026-11-24")) {
            TestServer.Response answer = server.get(path, kiosk);
            assertEquals(403, answer.status(), path);
            assertEquals("application/problem+json", answer.contentType(), path);
            if (!path.endsWith("/events")) { // its own site's stream would stay open
                String own = path.replace("berlin-office", "town-hall").replace("b-desk-1", "desk-1");
                assertEquals(200, server.get(own, kiosk).status(), own);
            }
        }
        assertEquals(0, server.get("/api/v1/resources", kiosk).json().get("resources").findValuesAsText("siteId")
                .stream().filter(site -> !site.equals("town-hall")).count(), "without siteId only its own site");
    }

    @Test
    void onlyManagersChangeTheEstateOrPolicies() {
        Map<String, Object> desk = Map.of("id", "desk-9", "siteId", "town-hall", "type", "desk", "name", "Desk 9");
        assertEquals(403, server.post("/api/v1/resources", alice, desk).status());
        assertEquals(403, server.post("/api/v1/resources", kiosk, desk).status());
        assertEquals(403, server.patch("/api/v1/resources/desk-1", alice, Map.of("inService", false)).status());
        assertEquals(403, server.put("/api/v1/policies/desk", alice, Map.of()).status());
        assertEquals(403, server.post("/api/v1/estate/imports", alice, Map.of("sites", java.util.List.of())).status());
        assertEquals(201, server.post("/api/v1/resources", carol, desk).status());
    }

    @Test
    void withoutAValidTokenOnlyLoginAndTheApiDescriptionAnswer() {
        TestServer.Response none = server.get("/api/v1/bookings", null);
        assertEquals(401, none.status());
        assertNotNull(none.header("WWW-Authenticate"));
        assertEquals(401, server.get("/api/v1/sites", "not-a-token").status());
        assertEquals(401, server.get("/api/v1/me", "x".repeat(500)).status());
        assertEquals(200, server.get("/api/v1/openapi.json", null).status());
    }

    @Test
    void theStaffAppsPagesAreForPeopleOnlyAndACalendarFeedTakesNoToken() {
        for (String path : java.util.List.of("/api/v1/me", "/api/v1/colleagues/today", "/api/v1/me/calendar-feed")) {
            assertEquals(403, server.get(path, kiosk).status(), path);
            assertEquals(401, server.get(path, null).status(), path);
            assertEquals(200, server.get(path, carol).status(), path);
        }
        assertEquals(403, server.put("/api/v1/me/preferences", kiosk, Map.of("findableByTeam", true)).status());
        assertEquals(403, server.delete("/api/v1/me/calendar-feed", kiosk).status());
        assertEquals(401, server.delete("/api/v1/me/calendar-feed", null).status());
        // The secret in the address is the credential: no token is asked for, an unknown secret is simply not there.
        assertEquals(404, server.get("/api/v1/calendar-feeds/" + "A".repeat(43) + "/bookings.ics", null).status());
    }

    @Test
    void aWrongPasswordAndAnUnknownUserGetTheSameAnswer() {
        TestServer.Response wrong = server.post("/api/v1/sessions", null, Map.of("username", "alice", "password", "nope"));
        TestServer.Response unknown = server.post("/api/v1/sessions", null, Map.of("username", "mallory", "password", "nope"));
        assertEquals(401, wrong.status());
        assertEquals(401, unknown.status());
        assertEquals(wrong.json().get("detail"), unknown.json().get("detail"));
    }

    @Test
    void logoutRevokesTheTokenAndSessionsExpire() {
        String token = server.login("bob");
        assertEquals(200, server.get("/api/v1/me", token).status());
        assertEquals(204, server.delete("/api/v1/sessions/current", token).status());
        assertEquals(401, server.get("/api/v1/me", token).status());

        String later = server.login("bob");
        server.clock.advance(Duration.ofHours(11));
        assertEquals(200, server.get("/api/v1/me", later).status());
        server.clock.advance(Duration.ofHours(2));
        assertEquals(401, server.get("/api/v1/me", later).status());
        server.clock.set(TestServer.MONDAY_8AM);
    }

    @Test
    void passwordsAndTokensAreStoredOnlyAsHashes() throws SQLException {
        String token = server.login("alice");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + server.databaseFile());
             ResultSet accounts = c.createStatement().executeQuery("SELECT password_hash FROM account");
             ResultSet sessions = c.createStatement().executeQuery("SELECT token_hash FROM session")) {
            while (accounts.next()) {
                String hash = accounts.getString(1);
                assertTrue(hash.startsWith("$argon2id$"), hash);
                assertFalse(hash.contains(TestServer.PASSWORD));
            }
            while (sessions.next()) {
                assertFalse(sessions.getString(1).equals(token));
                assertEquals(64, sessions.getString(1).length());
            }
        }
    }

    @Test
    void theLogHoldsNoPasswordOrToken() throws Exception {
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        StringBuilder captured = new StringBuilder();
        java.util.logging.Handler handler = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                captured.append(record.getMessage()).append(' ').append(java.util.Arrays.toString(record.getParameters())).append('\n');
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Level before = java.util.logging.Logger.getLogger("nl.flexplek").getLevel();
        java.util.logging.Logger.getLogger("nl.flexplek").setLevel(java.util.logging.Level.ALL);
        root.addHandler(handler);
        try {
            String token = server.login("alice");
            server.post("/api/v1/sessions", null, Map.of("username", "alice", "password", "wrong-secret-123"));
            server.get("/api/v1/me", token);
            String log = captured.toString();
            assertFalse(log.isEmpty());
            assertFalse(log.contains(token));
            assertFalse(log.contains(TestServer.PASSWORD));
            assertFalse(log.contains("wrong-secret-123"));
        } finally {
            root.removeHandler(handler);
            java.util.logging.Logger.getLogger("nl.flexplek").setLevel(before);
        }
        assertTrue(Files.exists(server.databaseFile()));
    }
}
