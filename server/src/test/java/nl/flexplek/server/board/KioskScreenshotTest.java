package nl.flexplek.server.board;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import nl.flexplek.server.testing.TestServer;
import nl.flexplek.testing.Browser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The demo town hall's entrance screen on a busy Monday morning, in both orientations: today's bookings from the
 * demo history, most booked desks occupied, a few walk-ins, meetings going on and vehicles out. Checks that a full
 * building still fits the screen and passes the accessibility rules, and writes the README's screenshots
 * ({@code target/screenshots/kiosk-landscape.png}, {@code kiosk-portrait.png}).
 */
@Tag("browser")
class KioskScreenshotTest {
    private static TestServer server;
    private static String kioskUrl;

    @BeforeAll
    static void busyMorning() {
        server = TestServer.start(Map.of("flexplek.demo", "true", "flexplek.demo-history-weeks", "1"));
        // 08:25: meetings booked from 08:00 that nobody came to are released, as on a real morning.
        server.clock.advance(Duration.ofMinutes(25));
        server.app().occupancy().tick();

        String manager = server.login("manager", "demo");
        String kiosk = server.login("kiosk-stadhuis", "demo");
        JsonNode board = server.get("/api/v1/sites/stadhuis/board", kiosk).json();
        Map<String, String> sensors = new java.util.HashMap<>();
        for (JsonNode resource : server.get("/api/v1/resources?siteId=stadhuis", manager).json().findParents("sensorId")) {
            if (resource.hasNonNull("sensorId")) {
                sensors.put(resource.get("id").asText(), resource.get("sensorId").asText());
            }
        }

        Random dice = new Random(23);
        long before = server.app().occupancy().messagesApplied();
        int sent = 0;
        for (JsonNode desk : board.findValue("floors").findValues("desks").stream().flatMap(d -> stream(d)).toList()) {
            String sensor = sensors.get(desk.get("id").asText());
            if (sensor == null) {
                continue;
            }
            boolean booked = "booked".equals(desk.get("state").asText());
            int roll = dice.nextInt(100);
            if (!booked && roll < 4) {
                continue; // a sensor with a flat battery: status unknown
            }
            boolean present = booked ? roll < 80 : roll < 18;
            presence(sensor, present);
            sent++;
        }
        for (JsonNode room : board.get("rooms")) {
            String sensor = sensors.get(room.get("id").asText());
            if (sensor != null) {
                boolean meeting = "booked".equals(room.get("state").asText());
                int people = meeting ? 3 + dice.nextInt(6) : dice.nextInt(100) < 15 ? 2 : 0;
                server.publish("flexplek/sensors/" + sensor + "/state", "{\"count\": " + people + "}");
                sent++;
            }
        }
        int vehicle = 0;
        for (JsonNode car : board.get("vehicles")) {
            String sensor = sensors.get(car.get("id").asText());
            if (sensor != null) {
                boolean away = vehicle++ % 3 == 1;
                int soc = away ? 35 + dice.nextInt(30) : 55 + dice.nextInt(46);
                server.publish("flexplek/sensors/" + sensor + "/state", "{\"present\": " + !away + ", \"plugged\": "
                        + !away + ", \"soc\": " + soc + "}");
                sent++;
            }
        }
        int expected = sent;
        await().atMost(Duration.ofSeconds(20)).until(() -> server.app().occupancy().messagesApplied() - before >= expected);
        kioskUrl = server.url("/kiosk/stadhuis?token=" + kiosk);
    }

    private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false);
    }

    private static void presence(String sensor, boolean present) {
        server.publish("flexplek/sensors/" + sensor + "/state", "{\"occupied\": " + present + ", \"battery\": 87}");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Browser open(int width, int height, String language) {
        Browser browser = Browser.open(width, height, language);
        browser.get(kioskUrl + "&lang=" + language);
        await().atMost(Duration.ofSeconds(10)).until(() -> "online".equals(browser.script(
                "return document.getElementById('kiosk').dataset.connection;")));
        // The QR code is an image of its own: wait for it, so the screenshot has it.
        await().atMost(Duration.ofSeconds(10)).until(() -> ((Number) browser.script(
                "return document.getElementById('qr').naturalWidth;")).intValue() > 0);
        return browser;
    }

    @Test
    void aBusyTownHallFitsALandscapeScreen() {
        try (Browser browser = open(1920, 1080, "en")) {
            assertTrue(Integer.parseInt(browser.text(By.id("desks-free"))) < 120);
            assertEquals("of 120", browser.text(By.id("desks-of")));
            assertEquals(3, browser.driver().findElements(By.cssSelector("#floor-counts li")).size());
            assertTrue(browser.text(By.id("room-pages")).matches("part 1 of \\d"), "12 rooms take turns: "
                    + browser.text(By.id("room-pages")));
            assertEquals("false", browser.script("return String(document.documentElement.scrollHeight > innerHeight);"));
            assertEquals(List.of(), browser.accessibilityViolations());
            browser.screenshot("kiosk-landscape");
        }
    }

    @Test
    void aBusyTownHallFitsAPortraitScreen() {
        try (Browser browser = open(1080, 1920, "nl")) {
            assertEquals("van de 120", browser.text(By.id("desks-of")));
            assertEquals("false", browser.script("return String(document.documentElement.scrollHeight > innerHeight);"));
            assertEquals(List.of(), browser.accessibilityViolations());
            browser.screenshot("kiosk-portrait");
        }
    }
}
