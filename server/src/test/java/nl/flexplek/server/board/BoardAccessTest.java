package nl.flexplek.server.board;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import nl.flexplek.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Who may read boards and register kiosks, and that a kiosk token opens its own site's board and nothing else. */
class BoardAccessTest {
    private static TestServer server;
    private static String alice;
    private static String carol;
    private static String kioskToken;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        alice = server.login("alice");
        carol = server.login("carol");
        kioskToken = server.post("/api/v1/kiosks", carol, Map.of("siteId", "town-hall")).json().get("token").asText();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void onlyManagersRegisterListOrRevokeKiosks() {
        assertEquals(403, server.post("/api/v1/kiosks", alice, Map.of("siteId", "town-hall")).status());
        assertEquals(403, server.get("/api/v1/kiosks", alice).status());
        assertEquals(403, server.delete("/api/v1/kiosks/1", alice).status());
        assertEquals(403, server.post("/api/v1/kiosks", kioskToken, Map.of("siteId", "town-hall")).status());
        assertEquals(403, server.get("/api/v1/kiosks", kioskToken).status());
        assertEquals(401, server.get("/api/v1/kiosks", null).status());
        assertEquals(403, server.get("/api/v1/resources/desk-1/qr.svg", alice).status());
        assertEquals(403, server.get("/api/v1/resources/desk-1/qr.svg", kioskToken).status());
    }

    @Test
    void aKioskTokenReadsItsOwnBoardAndNothingElse() {
        assertEquals(200, server.get("/api/v1/sites/town-hall/board", kioskToken).status());
        assertEquals(403, server.get("/api/v1/sites/berlin-office/board", kioskToken).status());
        assertEquals(403, server.get("/api/v1/sites/berlin-office/board?token=" + kioskToken, null).status());
        assertEquals(403, server.get("/api/v1/sites/berlin-office/board/qr.svg?token=" + kioskToken, null).status());
        assertEquals(403, server.post("/api/v1/bookings", kioskToken,
                Map.of("resourceId", "desk-2", "date", "2026-11-24", "part", "day")).status());
        assertEquals(403, server.get("/api/v1/bookings", kioskToken).status());
        assertEquals(403, server.get("/api/v1/sensors", kioskToken).status());
    }

    @Test
    void aTokenInTheUrlCountsOnlyForReadingABoard() {
        assertEquals(401, server.get("/api/v1/bookings?token=" + kioskToken, null).status());
        assertEquals(401, server.get("/api/v1/sites/town-hall?token=" + kioskToken, null).status());
        assertEquals(401, server.get("/api/v1/sites/town-hall/occupancy?token=" + kioskToken, null).status());
        assertEquals(401, server.get("/api/v1/bookings?token=" + alice, null).status());
        assertEquals(200, server.get("/api/v1/sites/town-hall/board?token=" + kioskToken, null).status());
        assertEquals(200, server.get("/api/v1/sites/town-hall/board/qr.svg?token=" + kioskToken, null).status());
        assertEquals(401, server.get("/api/v1/sites/town-hall/board?token=not-a-token", null).status());
        assertEquals(401, server.get("/api/v1/sites/town-hall/board", null).status());
        assertEquals(401, server.get("/api/v1/sites/town-hall/board/events", null).status());
    }

    @Test
    void staffAndManagersMayReadAnyBoard() {
        assertEquals(200, server.get("/api/v1/sites/berlin-office/board", alice).status());
        assertEquals(200, server.get("/api/v1/sites/town-hall/board", carol).status());
        assertEquals(404, server.get("/api/v1/sites/atlantis/board", carol).status());
    }
}
