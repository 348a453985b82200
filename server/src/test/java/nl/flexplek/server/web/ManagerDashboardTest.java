package nl.flexplek.server.web;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import nl.flexplek.server.testing.TestServer;
import nl.flexplek.testing.Browser;
import nl.flexplek.testing.Pages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The facility manager's dashboard in a real headless Chromium at 1280×800 against a real server: carol (a facility
 * manager) logs in, reads the live figures of the town hall as they change, takes a desk out of service, adds one,
 * changes a booking rule, registers and revokes a kiosk; an employee is told the dashboard is not for them. Every
 * screen is checked with axe-core.
 */
@Tag("browser")
class ManagerDashboardTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);
    /** The heading of the screen on show. */
    private static final By HEADING = By.cssSelector("#view h1");

    private TestServer server;
    private Browser browser;

    @BeforeEach
    void start() {
        server = TestServer.start();
        browser = Browser.open(1280, 800);
    }

    @AfterEach
    void stop() {
        try {
            browser.close();
        } finally {
            server.close();
        }
    }

    private void logIn(String username) {
        Pages.logInToDashboard(browser, server.url("/manage/"), username, TestServer.PASSWORD);
    }

    /** Waits until the element shows the text; pages redraw, so an element may be replaced while we look. */
    private void see(By by, String text) {
        await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> {
            String shown = browser.text(by);
            assertTrue(shown.contains(text), () -> "expected '" + text + "' in '" + shown + "'");
        });
    }

    private String card(String id) {
        return browser.text(By.cssSelector("#" + id + " .card-value"));
    }

    private void awaitCard(String id, String value) {
        await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> assertEquals(value, card(id), id));
    }

    @Test
    void managerSeesTheLiveFiguresOfTheTownHall_andTheyFollowChangesWithoutReloading() {
        String alice = server.login("alice");
        String bob = server.login("bob");
        String carol = server.login("carol");
        assertEquals(201, server.post("/api/v1/bookings", alice,
                Map.of("resourceId", "desk-3", "date", "2026-11-23", "part", "day")).status());
        long bobs = server.post("/api/v1/bookings", bob,
                Map.of("resourceId", "desk-2", "date", "2026-11-23", "part", "day")).json().get("id").asLong();
        assertEquals(200, server.post("/api/v1/bookings/" + bobs + "/check-in", bob, Map.of()).status());
        // 10:00: alice never came (released as a no-show), bob is checked in, someone sits at desk 1 unbooked.
        server.clock.advance(Duration.ofHours(2));
        server.app().occupancy().tick();
        server.sensor("pir-desk-1", "{\"occupied\": true, \"battery\": 15}");
        server.sensor("veh-ecar-1", "{\"present\": true, \"plugged\": true, \"soc\": 78}");
        await().atMost(WAIT).until(() -> server.get("/api/v1/sites/town-hall/occupancy", carol).body()
                .contains("\"walk-in\""));

        logIn("carol");
        see(HEADING, "Live occupancy");
        see(By.id("live-summary-title"), "Town hall");
        assertEquals("town-hall", new Select(browser.driver().findElement(By.id("live-site")))
                .getFirstSelectedOption().getAttribute("value"), "a manager starts at their own site");
        assertEquals("2", card("card-occupied"), "desk 1 (walk-in) and desk 2 (checked in)");
        assertEquals("1", card("card-booked"));
        assertEquals("1", card("card-walkins"));
        assertEquals("1", card("card-free"));
        assertEquals("1", card("card-noshows"));
        assertTrue(browser.text(By.cssSelector("#card-occupied .card-note")).contains("of 3 desks"));
        WebElement floorRow = browser.driver().findElement(By.xpath("//table[contains(@class,'floors')]//tr[th='First floor']"));
        assertEquals(List.of("3", "1", "2", "1", "1", "1", "0", "0"),
                floorRow.findElements(By.tagName("td")).stream().map(WebElement::getText).toList(),
                "desks, booked, occupied, walk-ins, no-shows, free, offline, out of service");
        assertEquals(List.of("walk-in", "in-use"), List.of("desk-1", "desk-2").stream()
                .map(id -> browser.driver().findElement(By.cssSelector("[data-desk='" + id + "']")).getAttribute("data-state"))
                .toList(), "the floor plan");
        assertTrue(browser.text(By.id("floor-th-1")).contains("1 desk(s) without a place on the plan"),
                "desk 3 has no position");
        String vehicles = browser.text(By.cssSelector("table.vehicles"));
        assertTrue(vehicles.contains("E-car 1") && vehicles.contains("78%"), vehicles);
        assertTrue(browser.text(By.id("sensors-low")).contains("1"), "desk 1's sensor reports 15 % battery");
        see(By.id("live-status"), "Live");
        browser.assertAccessible("live");
        browser.screenshot("manage-live");

        // A vehicle's charge arrives over the event stream; an estate change makes the page read the board again.
        server.sensor("veh-ecar-1", "{\"present\": true, \"plugged\": true, \"soc\": 55}");
        see(By.cssSelector("table.vehicles"), "55%");
        server.patch("/api/v1/resources/desk-1", carol, Map.of("inService", false));
        awaitCard("card-occupied", "1");
        awaitCard("card-walkins", "0");
        assertEquals("out-of-service", browser.driver().findElement(By.cssSelector("[data-desk='desk-1']"))
                .getAttribute("data-state"));
    }

    @Test
    void managerTakesADeskOutOfServiceAndAddsOne_andTheApiConfirms() {
        String carol = server.login("carol");
        logIn("carol");
        see(HEADING, "Live occupancy");
        browser.driver().findElement(By.cssSelector("#nav a[data-screen='estate']")).click();
        see(HEADING, "Estate");
        see(By.id("resource-count"), "6 of 6");
        assertTrue(browser.driver().getCurrentUrl().contains("/manage/estate"));
        browser.assertAccessible("estate");
        browser.screenshot("manage-estate");

        browser.driver().findElement(By.cssSelector("button[data-resource='desk-3']")).click();
        see(By.cssSelector("span.state[data-resource='desk-3']"), "Out of service");
        assertFalse(server.get("/api/v1/resources/desk-3", carol).json().get("inService").asBoolean());
        assertTrue(browser.text(By.cssSelector("button[data-resource='desk-3']")).contains("Put back in service"));
        browser.driver().findElement(By.cssSelector("button[data-resource='desk-3']")).click();
        see(By.cssSelector("span.state[data-resource='desk-3']"), "In service");
        assertTrue(server.get("/api/v1/resources/desk-3", carol).json().get("inService").asBoolean());

        assertEquals("th-1-d001", browser.driver().findElement(By.id("desk-id")).getAttribute("value"),
                "the next free id on the floor is proposed");
        browser.driver().findElement(By.id("desk-name")).sendKeys("Desk 4");
        new Select(browser.driver().findElement(By.id("desk-zone"))).selectByValue("th-1-quiet");
        browser.driver().findElement(By.cssSelector("#add-desk input[value='standing']")).click();
        browser.driver().findElement(By.id("desk-x")).sendKeys("5");
        browser.driver().findElement(By.id("desk-y")).sendKeys("1");
        browser.driver().findElement(By.cssSelector("#add-desk button[type=submit]")).click();
        see(By.id("add-desk-message"), "Desk 4 (th-1-d001) has been added");
        JsonNode added = server.get("/api/v1/resources/th-1-d001", carol).json();
        assertEquals("Desk 4", added.get("name").asText());
        assertEquals("th-1-quiet", added.get("zoneId").asText());
        assertEquals("standing", added.get("features").get(0).asText());
        assertEquals(5.0, added.get("position").get("x").asDouble());
        see(By.id("resource-count"), "7 of 7");

        WebElement daysAhead = browser.driver().findElement(By.id("policy-desk-maxDaysAhead"));
        daysAhead.clear();
        daysAhead.sendKeys("21");
        browser.driver().findElement(By.cssSelector("#policy-desk button[type=submit]")).click();
        see(By.id("policy-desk-message"), "Saved");
        JsonNode desk = server.get("/api/v1/policies", carol).json().get("policies").get(0);
        assertEquals("desk", desk.get("resourceType").asText());
        assertEquals(21, desk.get("maxDaysAhead").asInt());
        browser.assertAccessible("estate after changes");
    }

    @Test
    void managerRegistersAKiosk_seesItListed_andRevokesIt() {
        String carol = server.login("carol");
        logIn("carol");
        see(HEADING, "Live occupancy");
        browser.get(server.url("/manage/kiosks"));
        see(HEADING, "Kiosks");
        see(By.cssSelector("section[aria-labelledby='kiosk-list-title']"),
                "No kiosks have been registered yet");
        browser.assertAccessible("kiosks, empty");

        browser.driver().findElement(By.id("kiosk-name")).sendKeys("Entrance hall");
        new Select(browser.driver().findElement(By.id("kiosk-language"))).selectByValue("nl");
        browser.driver().findElement(By.cssSelector("#register-kiosk button[type=submit]")).click();
        String url = browser.waitFor(By.id("kiosk-url")).getAttribute("value");
        assertTrue(url.startsWith(server.url("/kiosk/town-hall?token=")) && url.endsWith("&lang=nl"), url);
        assertTrue(browser.text(By.id("kiosk-once")).contains("shown only this once"));
        String token = url.replaceAll(".*token=([^&]+).*", "$1");
        assertEquals(200, server.get("/api/v1/sites/town-hall/board", token).status(), "the shown address works");

        see(By.cssSelector("table.kiosks"), "Entrance hall");
        String row = browser.text(By.cssSelector("table.kiosks tbody tr"));
        assertTrue(row.contains("Town hall") && row.contains("Dutch") && row.contains("Active"), row);
        JsonNode listed = server.get("/api/v1/kiosks", carol).json().get(0);
        assertEquals("Entrance hall", listed.get("name").asText());
        browser.assertAccessible("kiosks, registered");
        browser.screenshot("manage-kiosks");

        browser.driver().findElement(By.cssSelector("button[data-kiosk='" + listed.get("id").asLong() + "']")).click();
        browser.waitFor(By.id("revoke-dialog"));
        assertTrue(browser.text(By.id("revoke-title")).contains("Entrance hall"));
        browser.assertAccessible("kiosks, revoke dialog");
        browser.driver().findElement(By.id("revoke-confirm")).click();
        see(By.id("kiosk-message"), "has been revoked");
        see(By.cssSelector("table.kiosks tbody tr"), "Revoked");
        assertTrue(server.get("/api/v1/kiosks", carol).json().get(0).hasNonNull("revokedAt"));
        assertEquals(401, server.get("/api/v1/sites/town-hall/board", token).status(), "the token stops working");
    }

    @Test
    void heatmapShowsTheFiguresOfTheInsightsApi_withTheNumbersInATable() {
        String alice = server.login("alice");
        String bob = server.login("bob");
        String carol = server.login("carol");
        long alices = server.post("/api/v1/bookings", alice,
                Map.of("resourceId", "desk-1", "date", "2026-11-23", "part", "day")).json().get("id").asLong();
        assertEquals(201, server.post("/api/v1/bookings", bob,
                Map.of("resourceId", "desk-2", "date", "2026-11-23", "part", "day")).status());
        assertEquals(200, server.post("/api/v1/bookings/" + alices + "/check-in", alice, Map.of()).status());
        // Monday: alice checked in all day; bob is a no-show at 09:30; someone walks in at desk 2 from 10:00 to 11:00.
        server.at(MONDAY, "09:30");
        server.at(MONDAY, "10:00");
        server.sensor("pir-desk-2", "{\"occupied\": true}");
        await().atMost(WAIT).until(() -> server.get("/api/v1/sites/town-hall/occupancy", carol).body().contains("walk-in"));
        server.at(MONDAY, "11:00");
        server.sensor("pir-desk-2", "{\"occupied\": false}");
        server.at(MONDAY, "18:00");
        server.clock.advance(Duration.ofHours(14));
        server.app().occupancy().tick();
        // Tuesday 08:00: a new day, and a new login (sessions last 12 hours).
        JsonNode api = server.get("/api/v1/insights/utilization?siteId=town-hall&from=2026-11-23&to=2026-11-23",
                server.login("carol")).json();
        JsonNode monday = api.get("heatmap").get("rows").get(0);
        assertTrue(monday.get("bookedPercent").get(0).asDouble() > 0, "the scenario left figures: " + api);

        logIn("carol");
        see(HEADING, "Live occupancy");
        browser.get(server.url("/manage/insights?site=town-hall&from=2026-11-23&to=2026-11-23"));
        see(HEADING, "Use over time");
        see(By.id("insights-scope"), "Desks (3) at Town hall, 23 Nov 2026 to 23 Nov 2026");
        assertEquals(percent(api.get("summary").get("bookedPercent"), 0), card("card-booked"));
        assertEquals(percent(api.get("summary").get("occupiedPercent"), 0), card("card-occupied"));
        assertEquals(percent(api.get("summary").get("noShowPercent"), 0), card("card-noshow-rate"));
        assertEquals(percent(api.get("summary").get("walkInPercent"), 0), card("card-walkin-rate"));
        assertEquals(api.get("summary").get("bookings").asText(), card("card-bookings"));

        List<Integer> hours = new java.util.ArrayList<>();
        api.get("heatmap").get("hours").forEach(h -> hours.add(h.asInt()));
        for (String measure : List.of("bookedPercent", "occupiedPercent")) {
            browser.driver().findElement(By.cssSelector("input[name='measure'][value='" + measure + "']")).click();
            for (int i = 0; i < hours.size(); i++) {
                By cell = By.cssSelector("#heatmap .cell[data-weekday='monday'][data-hour='" + hours.get(i) + "']");
                double expected = monday.get(measure).get(i).asDouble();
                await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> assertEquals(expected,
                        Double.parseDouble(browser.driver().findElement(cell).getAttribute("data-value"))));
                assertEquals(String.valueOf(Math.round(expected)), browser.driver().findElement(cell).getText(), measure);
            }
            assertEquals("–", browser.driver().findElement(By.cssSelector(
                    "#heatmap .cell[data-weekday='tuesday'][data-hour='" + hours.getFirst() + "']")).getText(),
                    "no Tuesday in the period");
        }

        browser.driver().findElement(By.cssSelector("#heatmap-numbers summary")).click();
        WebElement mondayRow = browser.driver().findElement(By.xpath("//table[contains(@class,'heatmap-table')]//tr[th='Monday']"));
        List<String> cells = mondayRow.findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
        for (int i = 0; i < hours.size(); i++) {
            assertEquals(percent(monday.get("occupiedPercent").get(i), 1), cells.get(i), "the table has the numbers");
        }
        assertTrue(browser.text(By.cssSelector("table.peak-days")).contains("Monday 23 November"));
        String zones = browser.text(By.cssSelector("table.zones"));
        assertTrue(zones.contains("ICT corner") && zones.contains("Quiet area"), zones);
        assertTrue(browser.driver().findElement(By.id("open-data-link")).getAttribute("href")
                .contains("/api/v1/open-data/occupancy.csv?from=2026-11-23&to=2026-11-23"));
        browser.driver().findElement(By.id("export-csv")).click();
        see(By.id("export-status"), "has been downloaded");
        browser.assertAccessible("insights");
        browser.script("document.getElementById('heatmap-title').scrollIntoView()");
        browser.screenshot("manage-heatmap");
    }

    /** A percentage as the dashboard shows it in English: 38.3 → "38 %" (no decimals) or "38.3 %". */
    private static String percent(JsonNode value, int decimals) {
        return String.format(java.util.Locale.UK, "%." + decimals + "f %%", value.asDouble());
    }

    @Test
    void employeeLoggingIn_isToldTheDashboardIsForFacilityManagers() {
        browser.get(server.url("/manage/"));
        browser.waitFor(By.id("login-form"));
        browser.assertAccessible("login");
        browser.driver().findElement(By.id("username")).sendKeys("alice");
        browser.driver().findElement(By.id("password")).sendKeys("wrong password");
        browser.driver().findElement(By.cssSelector("#login-form button[type=submit]")).click();
        see(By.id("login-error"), "not right");

        browser.driver().findElement(By.id("password")).clear();
        browser.driver().findElement(By.id("password")).sendKeys(TestServer.PASSWORD);
        browser.driver().findElement(By.cssSelector("#login-form button[type=submit]")).click();
        see(By.id("not-manager-title"), "This is for facility managers");
        assertFalse(browser.driver().findElement(By.id("nav")).isDisplayed(), "no screens to go to");
        assertTrue(browser.driver().findElements(By.id("live-content")).isEmpty(), "no figures shown");
        browser.assertAccessible("not a manager");

        browser.get(server.url("/manage/kiosks"));
        see(By.id("not-manager-title"), "This is for facility managers");
        browser.driver().findElement(By.id("not-manager-logout")).click();
        browser.waitFor(By.id("login-form"));
    }

    @Test
    void theDashboardSpeaksDutchAndGerman_andStaysAccessibleInBoth() {
        logIn("carol");
        see(HEADING, "Live occupancy");
        new Select(browser.driver().findElement(By.id("language"))).selectByValue("nl");
        see(HEADING, "Live bezetting");
        assertEquals("nl", browser.driver().findElement(By.tagName("html")).getAttribute("lang"));
        see(By.id("live-summary-title"), "Nu in Town hall");
        browser.assertAccessible("live, Dutch");

        browser.driver().findElement(By.cssSelector("#nav a[data-screen='kiosks']")).click();
        see(HEADING, "Kiosken");
        new Select(browser.driver().findElement(By.id("language"))).selectByValue("de");
        see(HEADING, "Kioske");
        assertEquals("de", browser.driver().findElement(By.tagName("html")).getAttribute("lang"));
        assertTrue(browser.text(By.id("register-title")).contains("Kiosk registrieren"));
        browser.get(server.url("/manage/estate"));
        see(HEADING, "Gebäude");
        see(By.id("resource-count"), "6 von 6");
        browser.assertAccessible("estate, German");
    }
}
