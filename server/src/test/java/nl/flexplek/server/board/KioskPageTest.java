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
import nl.flexplek.testing.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The entrance display in a real Chromium, against a real server: what it shows of the town hall, how it follows
 * bookings and sensors without reloading, how it tells that it is offline and recovers by itself, what a revoked
 * screen says, its languages, and its accessibility in both orientations.
 */
@Tag("browser")
class KioskPageTest {
    private static final Duration LIVE = Duration.ofSeconds(10);
    /** A marker set on the page's window once it is loaded: still there means the page was never reloaded. */
    private static final String SET_MARKER = "window.flexplekMarker = 'loaded once';";
    private static final String READ_MARKER = "return window.flexplekMarker || null;";

    private TestServer server;
    private String manager;

    @BeforeEach
    void start() {
        // Short heartbeats so a revoked screen is cut off within a second.
        server = TestServer.start(Map.of("flexplek.board.heartbeat", "PT1S"));
        manager = server.login("carol");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private JsonNode registerKiosk(String language) {
        TestServer.Response answer = server.post("/api/v1/kiosks", manager,
                Map.of("siteId", "town-hall", "name", "Entrance hall", "language", language));
        assertEquals(201, answer.status(), answer.toString());
        return answer.json();
    }

    /** Opens the registered kiosk's own URL and waits until the board is drawn and the stream is open. */
    private Browser openKiosk(String url, int width, int height) {
        Browser browser = Browser.open(width, height, "en");
        browser.get(url.replaceFirst("^https?://[^/]+", server.url("")));
        awaitOnline(browser);
        browser.script(SET_MARKER);
        return browser;
    }

    private static void awaitOnline(Browser browser) {
        await().atMost(LIVE).until(() -> "online".equals(browser.script(
                "return document.getElementById('kiosk').dataset.connection;")));
    }

    private static String attribute(Browser browser, String css, String name) {
        List<WebElement> found = browser.driver().findElements(By.cssSelector(css));
        return found.isEmpty() ? null : found.getFirst().getAttribute(name);
    }

    private String book(String who, Map<String, Object> booking) {
        TestServer.Response answer = server.post("/api/v1/bookings", server.login(who), booking);
        assertEquals(201, answer.status(), answer.toString());
        return answer.json().get("id").asText();
    }

    @Test
    void showsTheTownHallAsTheBoardApiHasIt_freeDesks_busyRoom_vehicles_andTheBookingQrCode() {
        book("alice", Map.of("resourceId", "desk-2", "date", "2026-11-23", "part", "day"));
        book("bob", Map.of("resourceId", "room-1",
                "start", "2026-11-23T08:00:00+01:00", "end", "2026-11-23T09:30:00+01:00"));
        server.publish("flexplek/sensors/pir-desk-1/state", "{\"occupied\": false}");
        server.publish("flexplek/sensors/veh-ecar-1/state", "{\"present\": true, \"plugged\": true, \"soc\": 78}");
        JsonNode kiosk = registerKiosk("en");
        await().atMost(LIVE).until(() -> board(kiosk).at("/vehicles").findValuesAsText("soc").contains("78")
                && board(kiosk).at("/floors/0/desks/0/state").asText().equals("free"));
        JsonNode board = board(kiosk);
        int free = 0;
        for (JsonNode desk : board.at("/floors/0/desks")) {
            free += "free".equals(desk.get("state").asText()) ? 1 : 0;
        }
        assertEquals(2, free, "desk-1 is free (its sensor says so), desk-2 booked, desk-3 free (no sensor)");

        try (Browser browser = openKiosk(kiosk.get("url").asText(), 1920, 1080)) {
            assertEquals("Town hall", browser.text(By.id("site-name")));
            assertEquals("en", browser.script("return document.documentElement.lang;"));
            assertEquals(String.valueOf(free), browser.text(By.id("desks-free")));
            assertEquals("of 3", browser.text(By.id("desks-of")));
            assertTrue(browser.text(By.id("opening")).contains("Open today 08:00 – 18:00"), browser.text(By.id("opening")));
            assertTrue(browser.text(By.id("clock")).matches("0[89]:\\d\\d"), "the site's local time: " + browser.text(By.id("clock")));

            assertEquals("free", attribute(browser, "#maps [data-id='desk-1']", "data-state"));
            assertEquals("booked", attribute(browser, "#maps [data-id='desk-2']", "data-state"));
            assertEquals("Desk 2: Booked", attribute(browser, "#maps [data-id='desk-2']", "aria-label"));
            assertTrue(browser.text(By.id("map-title")).contains("First floor"));
            assertTrue(browser.text(By.id("floor-map")).contains("ICT corner · 1 of 2 free"), browser.text(By.id("floor-map")));
            assertTrue(browser.text(By.id("map-unplaced")).contains("Not on the map: 1"), "desk 3 has no position");

            assertEquals("Busy until 09:30", browser.text(By.cssSelector("#room-list [data-id='room-1'] .status-text")));
            assertEquals("0 of 1 free now", browser.text(By.id("rooms-summary")));

            String car = browser.text(By.cssSelector("#vehicle-list [data-id='ecar-1']"));
            assertTrue(car.contains("E-car 1") && car.contains("78%") && car.contains("Plugged in"), car);

            String qr = attribute(browser, "#qr", "src");
            assertTrue(qr.contains("/api/v1/sites/town-hall/board/qr.svg?token="), qr);
            await().atMost(LIVE).until(() -> ((Number) browser.script(
                    "return document.getElementById('qr').naturalWidth;")).intValue() > 0);
            assertTrue(browser.text(By.cssSelector(".book")).contains("Book a desk on your phone"));
            assertTrue(browser.text(By.id("short-url")).endsWith("/find?site=town-hall"));
            assertTrue(browser.text(By.cssSelector(".desk-hint")).contains("Scan the QR code on a desk"));

            String everything = browser.text(By.tagName("body"));
            assertFalse(everything.contains("Alice") || everything.contains("Bob") || everything.contains("alice"),
                    "a kiosk never shows who booked");
            assertEquals("false", browser.script("return String(document.documentElement.scrollHeight > innerHeight);"),
                    "everything fits the screen");
            assertEquals(List.of(), browser.accessibilityViolations());
        }
    }

    @Test
    void followsBookingsAndSensorsWithinSeconds_withoutReloading() {
        JsonNode kiosk = registerKiosk("en");
        try (Browser browser = openKiosk(kiosk.get("url").asText(), 1920, 1080)) {
            assertEquals("1", browser.text(By.id("desks-free")), "desk 3; the other two sensors were never heard");

            book("alice", Map.of("resourceId", "desk-1", "date", "2026-11-23", "part", "day"));
            await().atMost(LIVE).until(() -> "booked".equals(attribute(browser, "#maps [data-id='desk-1']", "data-state")));
            book("bob", Map.of("resourceId", "desk-3", "date", "2026-11-23", "part", "day"));
            browser.waitForText(By.id("desks-free"), "0", LIVE);

            server.publish("flexplek/sensors/pir-desk-2/state", "{\"occupied\": true, \"battery\": 90}");
            await().atMost(LIVE).until(() -> "walk-in".equals(attribute(browser, "#maps [data-id='desk-2']", "data-state")));
            assertTrue(attribute(browser, "#maps [data-id='desk-2'] use", "href").endsWith("#s-walk-in"),
                    "the state shows as its own symbol, not only a colour");

            server.publish("flexplek/sensors/cnt-room-1/state", "{\"count\": 0}");
            browser.waitForText(By.cssSelector("#room-list [data-id='room-1'] .status-text"), "Free", LIVE);
            book("bob", Map.of("resourceId", "room-1",
                    "start", "2026-11-23T10:00:00+01:00", "end", "2026-11-23T11:00:00+01:00"));
            browser.waitForText(By.cssSelector("#room-list [data-id='room-1']"), "Free until 10:00", LIVE);
            browser.waitForText(By.cssSelector("#room-list [data-id='room-1']"), "Later: 10:00–11:00", LIVE);

            server.publish("flexplek/sensors/veh-ecar-1/state", "{\"present\": true, \"plugged\": false, \"soc\": 41}");
            browser.waitForText(By.cssSelector("#vehicle-list [data-id='ecar-1']"), "41%", LIVE);
            browser.waitForText(By.cssSelector("#vehicle-list [data-id='ecar-1']"), "Not plugged in", LIVE);

            assertEquals("loaded once", browser.script(READ_MARKER), "the page changed in place, it did not reload");
        }
    }

    @Test
    void saysItIsOfflineAndGreysItsFiguresWhenTheServerStops_andRecoversByItself() {
        JsonNode kiosk = registerKiosk("en");
        try (Browser browser = openKiosk(kiosk.get("url").asText(), 1920, 1080)) {
            assertFalse(browser.driver().findElement(By.id("banner")).isDisplayed());

            server.stop();
            WebElement banner = browser.waitForText(By.id("banner"), "Offline – last update 08:", LIVE);
            assertEquals("status", banner.getAttribute("role"));
            assertEquals("polite", banner.getAttribute("aria-live"));
            assertTrue(attribute(browser, "#kiosk", "class").contains("stale"), "the figures are greyed");
            browser.screenshot("kiosk-offline");

            server.startAgain();
            awaitOnline(browser);
            await().atMost(LIVE).until(() -> !browser.driver().findElement(By.id("banner")).isDisplayed());
            assertFalse(attribute(browser, "#kiosk", "class").contains("stale"));

            // The new stream works: a booking made after the restart still shows.
            book("alice", Map.of("resourceId", "desk-1", "date", "2026-11-23", "part", "day"));
            await().atMost(LIVE).until(() -> "booked".equals(attribute(browser, "#maps [data-id='desk-1']", "data-state")));
            assertEquals("loaded once", browser.script(READ_MARKER), "it recovered without a reload");
        }
    }

    @Test
    void aRevokedScreenSaysCalmlyThatItIsNotRegistered() {
        JsonNode kiosk = registerKiosk("en");
        try (Browser browser = openKiosk(kiosk.get("url").asText(), 1920, 1080)) {
            assertEquals(204, server.delete("/api/v1/kiosks/" + kiosk.get("id").asLong(), manager).status());
            browser.waitForText(By.id("unregistered"), "This screen is not registered (anymore)", LIVE);
            assertFalse(browser.driver().findElement(By.id("room-list")).isDisplayed(), "no stale board stays up");
            assertEquals("unregistered", browser.script("return document.getElementById('kiosk').dataset.connection;"));
            assertEquals(List.of(), browser.accessibilityViolations());
        }
        try (Browser browser = Browser.open(1920, 1080, "en")) {
            browser.get(server.url("/kiosk/town-hall?lang=de"));
            browser.waitForText(By.id("unregistered"), "Dieser Bildschirm ist nicht (mehr) angemeldet", LIVE);
        }
    }

    @Test
    void speaksDutchGermanAndEnglish_andIsAccessibleInBothOrientations() {
        book("bob", Map.of("resourceId", "room-1",
                "start", "2026-11-23T08:00:00+01:00", "end", "2026-11-23T09:00:00+01:00"));
        JsonNode kiosk = registerKiosk("nl");
        Map<String, String> roomsTitle = Map.of("nl", "Vergaderruimtes", "de", "Besprechungsräume", "en", "Meeting rooms");
        Map<String, String> busy = Map.of("nl", "Bezet tot 09:00", "de", "Belegt bis 09:00", "en", "Busy until 09:00");
        try (Browser browser = openKiosk(kiosk.get("url").asText(), 1920, 1080)) {
            for (int[] size : new int[][]{{1920, 1080}, {1080, 1920}}) {
                browser.resize(size[0], size[1]);
                for (String language : List.of("nl", "de", "en")) {
                    browser.driver().findElement(By.cssSelector("[data-language='" + language + "']")).click();
                    assertEquals(language, browser.script("return document.documentElement.lang;"));
                    assertEquals(roomsTitle.get(language), browser.text(By.id("rooms-title")));
                    assertEquals(busy.get(language),
                            browser.text(By.cssSelector("#room-list [data-id='room-1'] .status-text")));
                    assertEquals("true", attribute(browser, "[data-language='" + language + "']", "aria-pressed"));
                    assertEquals(List.of(), browser.accessibilityViolations(),
                            language + " at " + size[0] + "×" + size[1]);
                    assertEquals("false", browser.script(
                            "return String(document.documentElement.scrollHeight > innerHeight);"), "no scrolling");
                }
            }
        }
    }

    @Test
    void saysTheSiteIsClosedAndWhyOnAClosureDay() {
        JsonNode kiosk = registerKiosk("en");
        server.clock.set(java.time.Instant.parse("2026-12-25T09:00:00Z"));
        try (Browser browser = openKiosk(kiosk.get("url").asText(), 1920, 1080)) {
            assertEquals("Closed today: Christmas Day", browser.text(By.id("opening")));
            assertEquals("Friday 25 December", browser.text(By.id("date")));
        }
    }

    @Test
    void rotatesDutchGermanEnglishWhenAskedTo() {
        JsonNode kiosk = registerKiosk("rotate");
        try (Browser browser = openKiosk(kiosk.get("url").asText(), 1920, 1080)) {
            assertTrue(kiosk.get("url").asText().endsWith("lang=rotate"));
            assertEquals("nl", browser.script("return document.documentElement.lang;"));
            assertEquals("Vrije werkplekken", browser.text(By.id("desks-title")));
            await().atMost(Duration.ofSeconds(25)).until(() -> "de".equals(browser.script(
                    "return document.documentElement.lang;")));
            assertEquals("Freie Arbeitsplätze", browser.text(By.id("desks-title")));
        }
    }

    private JsonNode board(JsonNode kiosk) {
        return server.get("/api/v1/sites/town-hall/board", kiosk.get("token").asText()).json();
    }
}
