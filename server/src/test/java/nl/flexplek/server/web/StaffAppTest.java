package nl.flexplek.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import nl.flexplek.server.identity.NewAccount;
import nl.flexplek.server.identity.Role;
import nl.flexplek.server.testing.TestServer;
import nl.flexplek.testing.Browser;
import nl.flexplek.testing.Pages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The staff app on a phone (360 × 640) in a real Chromium against a real server: logging in, booking a desk in two
 * taps, My bookings with check-in and cancel, the walk-up screen behind a desk's QR code, and what a refusal looks
 * like. Every screen is checked with axe-core (no serious or critical WCAG 2.1 AA violations).
 * The server's clock stands on Monday 23 November 2026, 08:00 in Amsterdam; the app takes "today" from the server.
 */
@Tag("browser")
class StaffAppTest {
    private static TestServer server;
    private static Browser browser;

    @BeforeAll
    static void start() {
        // Sessions last ten years here: the browser checks a session's expiry against its own clock, which is not the
        // test server's.
        server = TestServer.start(Map.of("flexplek.identity.session-lifetime", "P3650D"));
        // One person per story, so the stories do not see each other's bookings whatever order they run in.
        server.app().identity().ensureAccounts(List.of(
                new NewAccount("dana", "Dana Smit", Role.EMPLOYEE, "Communicatie", "town-hall", TestServer.PASSWORD),
                new NewAccount("erik", "Erik Mulder", Role.EMPLOYEE, "Communicatie", "town-hall", TestServer.PASSWORD),
                new NewAccount("fleur", "Fleur Visser", Role.EMPLOYEE, "Communicatie", "town-hall", TestServer.PASSWORD),
                new NewAccount("gijs", "Gijs Bos", Role.EMPLOYEE, "Communicatie", "town-hall", TestServer.PASSWORD),
                new NewAccount("hanna", "Hanna Vos", Role.EMPLOYEE, "Communicatie", "town-hall", TestServer.PASSWORD)));
        browser = Browser.open(360, 640);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        server.close();
    }

    @BeforeEach
    void loggedOut() {
        browser.get(server.url("/login"));
        browser.script("localStorage.clear();");
    }

    @Test
    void employeeBooksADesk_seesItInMyBookings_andCancelsIt() {
        browser.get(server.url("/"));
        browser.waitFor(By.id("username"));
        assertTrue(browser.driver().getCurrentUrl().endsWith("/login"), "not logged in, so the login form");
        browser.assertAccessible("login");

        logIn("dana");
        browser.waitForText(By.tagName("h1"), "Good morning, Dana", WAIT);
        browser.waitForText(By.id("today-bookings"), "You have nothing booked today", WAIT);
        browser.assertAccessible("home");

        // Book: the desk tab, tomorrow, the whole day; Desk 1 is in the list.
        click(By.cssSelector("a[data-nav=book]"));
        browser.waitForText(By.tagName("h1"), "Book a desk", WAIT);
        setDate("2026-11-24");
        browser.waitForText(By.id("result-count"), "3 desks free", WAIT);
        browser.assertAccessible("find a desk");

        // The floor map shows the desks that have a place on it; a free one is a button named after the desk.
        click(By.xpath("//div[contains(@class, 'view-switch')]/button[contains(., 'Floor map')]"));
        WebElement map = browser.waitFor(By.id("floor-map"));
        assertEquals(2, map.findElements(By.cssSelector("g.desk-free[role=button]")).size());
        assertEquals("Desk 1: free", map.findElement(By.cssSelector("g[data-resource-id=desk-1]")).getAttribute("aria-label"));
        assertTrue(map.getText().contains("Free desks without a place on the map: 1"), map.getText());
        browser.assertAccessible("floor map");
        click(By.xpath("//div[contains(@class, 'view-switch')]/button[contains(., 'List')]"));

        WebElement choose = resultButton("Desk 1");
        browser.tap(choose);
        WebElement dialog = browser.waitFor(By.cssSelector("dialog[open]"));
        assertTrue(dialog.getText().contains("Desk 1"), dialog.getText());
        assertTrue(dialog.getText().contains("Tuesday 24 November"), dialog.getText());
        assertTrue(dialog.getText().contains("whole day"), dialog.getText());
        browser.assertAccessible("confirm booking");
        browser.tap(dialog.findElement(By.cssSelector("button.primary")));
        browser.waitForText(By.id("booking-feedback"), "Booked: Desk 1, Tuesday 24 November · whole day.", WAIT);
        browser.waitForText(By.id("result-count"), "2 desks free", WAIT);

        // My bookings shows it; cancelling asks first, then the server has it cancelled.
        click(By.cssSelector("a[data-nav=bookings]"));
        WebElement item = browser.waitForText(By.id("upcoming"), "Desk 1", WAIT).findElement(By.cssSelector("li.booking"));
        long id = Long.parseLong(item.getAttribute("data-booking-id"));
        assertTrue(item.getText().contains("Booked"), item.getText());
        browser.assertAccessible("my bookings");
        browser.tap(item.findElement(By.xpath(".//button[contains(., 'Cancel')]")));
        WebElement question = browser.waitFor(By.cssSelector("dialog[open]"));
        assertTrue(question.getText().contains("Do you want to cancel Desk 1"), question.getText());
        browser.tap(question.findElement(By.cssSelector("button.danger")));
        browser.waitForText(By.id("upcoming"), "You have nothing booked", WAIT);
        browser.waitForText(By.id("recent"), "Cancelled", WAIT);

        JsonNode booking = server.get("/api/v1/bookings/" + id, server.login("dana")).json();
        assertEquals("cancelled", booking.get("status").asText());
        assertEquals("desk-1", booking.get("resourceId").asText());
    }

    @Test
    void sessionSurvivesAReload_andLogoutEndsIt() {
        logIn("erik");
        browser.waitForText(By.tagName("h1"), "Good morning, Erik", WAIT);
        browser.driver().navigate().refresh();
        browser.waitForText(By.tagName("h1"), "Good morning, Erik", WAIT);
        assertTrue(browser.driver().findElements(By.id("username")).isEmpty(), "no login form after a reload");

        click(By.id("settings-link"));
        browser.waitForText(By.tagName("h1"), "Settings", WAIT);
        browser.assertAccessible("settings");
        click(By.id("logout"));
        browser.waitFor(By.id("username"));
        browser.driver().navigate().refresh();
        browser.waitFor(By.id("username"));
    }

    @Test
    void wrongPassword_isToldKindly_andNothingIsStored() {
        browser.get(server.url("/login"));
        browser.waitFor(By.id("username")).sendKeys("alice");
        browser.driver().findElement(By.id("password")).sendKeys("not the password");
        browser.driver().findElement(By.cssSelector("form.login-form button[type=submit]")).click();
        browser.waitForText(By.id("login-error"), "That username and password do not match", WAIT);
        assertEquals("true", browser.driver().findElement(By.id("password")).getAttribute("aria-invalid"));
        assertEquals(null, browser.script("return localStorage.getItem('flexplek.session');"));
        browser.assertAccessible("login error");
    }

    /** The only story here that books for today, so the desks' states today are known. */
    @Test
    void walkUp_logsInFirst_booksAFreeDesk_checksInOnesOwn_andOffersTheNearestForATakenOne() {
        // Bob scans Desk 2's code without being logged in: the login comes first, then the same desk.
        browser.get(server.url("/d/desk-2"));
        browser.waitFor(By.id("username"));
        assertTrue(browser.driver().getCurrentUrl().contains("next=%2Fd%2Fdesk-2"), browser.driver().getCurrentUrl());
        logIn("bob");
        browser.waitForText(By.tagName("h1"), "Desk 2", WAIT);
        browser.waitForText(By.id("walkup"), "Free for the rest of the day", WAIT);
        browser.assertAccessible("walk-up, free");
        click(By.id("walkup-book"));
        browser.waitForText(By.id("walkup"), "Desk 2 is booked and you are checked in", WAIT);
        JsonNode bobs = server.get("/api/v1/bookings?resourceId=desk-2", server.login("bob")).json().get("bookings");
        assertEquals(1, bobs.size());
        assertEquals("2026-11-23", bobs.get(0).get("date").asText());
        assertEquals("day", bobs.get(0).get("part").asText());
        assertEquals("checked-in", bobs.get(0).get("status").asText());
        assertEquals("qr", bobs.get(0).get("checkInMethod").asText());

        // Carol booked Desk 3 for today; scanning it checks her in.
        String carol = server.login("carol");
        TestServer.Response booked = server.post("/api/v1/bookings", carol,
                Map.of("resourceId", "desk-3", "date", "2026-11-23", "part", "day"));
        assertEquals(201, booked.status(), booked.body());
        long id = booked.json().get("id").asLong();
        logOutInBrowser();
        logIn("carol");
        browser.get(server.url("/d/desk-3"));
        browser.waitForText(By.id("walkup"), "This is your desk", WAIT);
        browser.assertAccessible("walk-up, own booking");
        click(By.id("walkup-check-in"));
        browser.waitForText(By.id("walkup"), "You are checked in", WAIT);
        JsonNode checkedIn = server.get("/api/v1/bookings/" + id, carol).json();
        assertEquals("checked-in", checkedIn.get("status").asText());
        assertEquals("qr", checkedIn.get("checkInMethod").asText());

        // Alice scans Desk 2, which Bob has: taken (never by whom), and the nearest free desk is one tap away.
        logOutInBrowser();
        logIn("alice");
        browser.get(server.url("/d/desk-2"));
        WebElement walkup = browser.waitForText(By.id("walkup"), "This desk is taken", WAIT);
        assertFalse(walkup.getText().contains("Bob"), walkup.getText());
        browser.assertAccessible("walk-up, taken");
        WebElement nearest = browser.waitFor(By.id("walkup-alternative"));
        assertTrue(nearest.getText().contains("Book Desk 1"), nearest.getText());
        browser.tap(nearest);
        browser.waitForText(By.id("walkup"), "Desk 1 is booked and you are checked in", WAIT);
        JsonNode alices = server.get("/api/v1/bookings?resourceId=desk-1&from=2026-11-23T00:00:00%2B01:00&to=2026-11-24T00:00:00%2B01:00",
                server.login("alice")).json().get("bookings");
        assertEquals(1, alices.size());
        assertEquals("checked-in", alices.get(0).get("status").asText());
    }

    @Test
    void conflict_isExplained_andTheAlternativeBooksInOneTap() {
        logIn("fleur");
        browser.get(server.url("/find?site=town-hall&date=2026-11-25&part=morning"));
        browser.waitForText(By.id("result-count"), "desks free", WAIT);
        WebElement choose = resultButton("Desk 1");

        // Between seeing the list and confirming, Bob books Desk 1.
        String bob = server.login("bob");
        assertEquals(201, server.post("/api/v1/bookings", bob,
                Map.of("resourceId", "desk-1", "date", "2026-11-25", "part", "morning")).status());

        browser.tap(choose);
        browser.waitFor(By.cssSelector("dialog[open] button.primary")).click();
        WebElement feedback = browser.waitForText(By.id("booking-feedback"), "Could not book Desk 1", WAIT);
        assertTrue(feedback.getText().contains("Someone else has just booked this"), feedback.getText());
        assertFalse(feedback.getText().contains("Bob"), "never who booked it");
        browser.assertAccessible("conflict");
        browser.screenshot("staff-conflict");
        WebElement alternative = feedback.findElement(By.cssSelector("button.alternative"));
        assertTrue(alternative.getText().contains("Book Desk 2"), alternative.getText());
        browser.tap(alternative);
        browser.waitForText(By.id("booking-feedback"), "Booked: Desk 2", WAIT);

        JsonNode mine = server.get("/api/v1/bookings?from=2026-11-25T00:00:00%2B01:00&to=2026-11-26T00:00:00%2B01:00",
                server.login("fleur")).json().get("bookings");
        assertEquals(1, mine.size());
        assertEquals("desk-2", mine.get(0).get("resourceId").asText());
        assertEquals("morning", mine.get(0).get("part").asText());
    }

    @Test
    void roomAndVehicle_areBookedForATimeSlot() {
        logIn("gijs");
        browser.get(server.url("/rooms?site=town-hall&date=2026-11-24&start=10:00&end=11:30&attendees=4"));
        browser.waitForText(By.id("result-count"), "1 room free", WAIT);
        assertEquals("10:00", selected("start"));
        assertEquals("11:30", selected("end"));
        browser.assertAccessible("rooms");
        WebElement room = resultButton("Room Maas");
        assertTrue(browser.text(By.id("result-list")).contains("6 seats"), browser.text(By.id("result-list")));
        browser.tap(room);
        WebElement dialog = browser.waitFor(By.cssSelector("dialog[open]"));
        assertTrue(dialog.getText().contains("10:00–11:30"), dialog.getText());
        assertTrue(dialog.getText().contains("Number of people: 4"), dialog.getText());
        browser.tap(dialog.findElement(By.cssSelector("button.primary")));
        browser.waitForText(By.id("booking-feedback"), "Booked: Room Maas, Tuesday 24 November · 10:00–11:30.", WAIT);
        JsonNode roomBooking = onlyBooking("gijs", "room");
        assertEquals("2026-11-24T10:00:00+01:00", roomBooking.get("start").asText());
        assertEquals("2026-11-24T11:30:00+01:00", roomBooking.get("end").asText());
        assertEquals(4, roomBooking.get("attendees").asInt());

        // The e-car for a trip that afternoon, from the vehicle tab; its tracker says 55% and unplugged, so 55% at
        // pick-up.
        server.publish("flexplek/sensors/veh-ecar-1/state", "{\"present\": true, \"plugged\": false, \"soc\": 55}");
        org.awaitility.Awaitility.await().atMost(WAIT).until(() -> server.app().occupancy().resource("ecar-1")
                .map(state -> state.soc() != null && state.soc() == 55).orElse(false));
        click(By.xpath("//nav[contains(@class, 'tabs')]/a[contains(., 'Vehicle')]"));
        browser.waitForText(By.tagName("h1"), "Book an e-bike or e-car", WAIT);
        browser.tap(browser.waitFor(By.cssSelector("input[name=vehicle-type][value=ecar]")));
        setDate("2026-11-24");
        chooseOption("start", "13:00");
        chooseOption("end", "15:00");
        browser.waitForText(By.id("result-count"), "1 e-car free", WAIT);
        assertTrue(browser.text(By.id("result-list")).contains("Expected charge at pick-up: 55%"),
                browser.text(By.id("result-list")));
        browser.assertAccessible("vehicles");
        browser.tap(resultButton("E-car 1"));
        browser.tap(browser.waitFor(By.cssSelector("dialog[open] button.primary")));
        browser.waitForText(By.id("booking-feedback"), "Booked: E-car 1, Tuesday 24 November · 13:00–15:00.", WAIT);
        JsonNode trip = onlyBooking("gijs", "ecar");
        assertEquals("2026-11-24T13:00:00+01:00", trip.get("start").asText());
        assertEquals("2026-11-24T15:00:00+01:00", trip.get("end").asText());
    }

    @Test
    void languageSwitch_turnsTheAppDutch_andIsRemembered() {
        logIn("hanna");
        browser.waitForText(By.tagName("h1"), "Good morning", WAIT);
        new org.openqa.selenium.support.ui.Select(browser.waitFor(By.id("language"))).selectByValue("nl");
        browser.waitForText(By.tagName("h1"), "Goedemorgen, Hanna", WAIT);
        assertEquals("nl", browser.script("return document.documentElement.lang"));
        assertTrue(browser.text(By.id("app-nav")).contains("Mijn boekingen"), browser.text(By.id("app-nav")));
        browser.driver().navigate().refresh();
        browser.waitForText(By.tagName("h1"), "Goedemorgen", WAIT);
        click(By.cssSelector("a[data-nav=book]"));
        browser.waitForText(By.tagName("h1"), "Werkplek boeken", WAIT);
        browser.waitForText(By.id("result-count"), "werkplekken vrij", WAIT);
        browser.assertAccessible("find a desk in Dutch");
        new org.openqa.selenium.support.ui.Select(browser.waitFor(By.id("language"))).selectByValue("de");
        browser.waitForText(By.tagName("h1"), "Arbeitsplatz buchen", WAIT);
        browser.waitForText(By.id("result-count"), "Arbeitsplätze frei", WAIT);
        new org.openqa.selenium.support.ui.Select(browser.waitFor(By.id("language"))).selectByValue("en");
        browser.waitForText(By.tagName("h1"), "Book a desk", WAIT);
    }

    @Test
    void lostConnection_isToldPlainly_andBookingWorksOnceItIsBack() {
        logIn("erik");
        browser.get(server.url("/find?site=town-hall&date=2026-11-26&part=afternoon"));
        WebElement choose = resultButton("Desk 3");
        var offline = new org.openqa.selenium.chromium.ChromiumNetworkConditions();
        offline.setOffline(true);
        browser.driver().setNetworkConditions(offline);
        try {
            browser.tap(choose);
            browser.tap(browser.waitFor(By.cssSelector("dialog[open] button.primary")));
            WebElement feedback = browser.waitForText(By.id("booking-feedback"), "No connection", WAIT);
            assertTrue(feedback.getText().contains("There is no connection to Flexplek"), feedback.getText());
        } finally {
            browser.driver().deleteNetworkConditions();
        }
        browser.tap(browser.driver().findElement(By.cssSelector("form.search-form button[type=submit]")));
        browser.tap(resultButton("Desk 3"));
        browser.tap(browser.waitFor(By.cssSelector("dialog[open] button.primary")));
        browser.waitForText(By.id("booking-feedback"), "Booked: Desk 3", WAIT);
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private static final Duration WAIT = Duration.ofSeconds(10);

    private void logIn(String username) {
        Pages.logInToStaffApp(browser, server.url("/login"), username, TestServer.PASSWORD);
    }

    private void logOutInBrowser() {
        browser.script("localStorage.removeItem('flexplek.session');");
    }

    private void click(By by) {
        browser.tap(browser.waitFor(by));
    }

    /** Sets a date input the way a date picker does: a new value and a change event. */
    private void setDate(String date) {
        WebElement input = browser.waitFor(By.id("date"));
        browser.script("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change', {bubbles: true}));",
                input, date);
    }

    private String selected(String selectId) {
        return new org.openqa.selenium.support.ui.Select(browser.waitFor(By.id(selectId))).getFirstSelectedOption()
                .getAttribute("value");
    }

    private void chooseOption(String selectId, String value) {
        new org.openqa.selenium.support.ui.Select(browser.waitFor(By.id(selectId))).selectByValue(value);
    }

    /** The one booking of this type the person has, read through the API. */
    private JsonNode onlyBooking(String username, String type) {
        JsonNode list = server.get("/api/v1/bookings?type=" + type, server.login(username)).json().get("bookings");
        assertEquals(1, list.size(), list.toString());
        return list.get(0);
    }

    private WebElement resultButton(String name) {
        WebElement list = browser.waitForText(By.id("result-list"), name, WAIT);
        return list.findElements(By.cssSelector("li.card")).stream()
                .filter(li -> li.findElement(By.tagName("h3")).getText().equals(name))
                .findFirst().orElseThrow()
                .findElement(By.cssSelector("button.choose"));
    }
}
