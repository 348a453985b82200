package nl.flexplek.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import nl.flexplek.server.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The staff app's personal screens on a phone: the usual desk on the home screen, the opt-in to be findable by one's
 * team and the teammates who opted in, and the calendar feed in the settings.
 * The server's clock stands on Monday 23 November 2026, 08:00 in Amsterdam.
 */
class StaffAppProfileTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static TestServer server;
    private static Browser browser;

    @BeforeAll
    static void start() {
        // Sessions last ten years: the browser checks a session's expiry against its own clock, not the test server's.
        server = TestServer.start(Map.of("flexplek.identity.session-lifetime", "P3650D"));
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
    void usualDesk_isBookedForTodayInOneTap_andCheckedInFromHome() {
        // Last week Alice sat at Desk 1 on three days: the clock goes back to book them, then returns to Monday.
        server.clock.set(TestServer.MONDAY_8AM.minus(Duration.ofDays(7)));
        String alice = server.login("alice");
        for (String date : List.of("2026-11-16", "2026-11-17", "2026-11-18")) {
            assertEquals(201, server.post("/api/v1/bookings", alice,
                    Map.of("resourceId", "desk-1", "date", date, "part", "day")).status());
        }
        server.clock.set(TestServer.MONDAY_8AM);

        logIn("alice");
        WebElement usual = browser.waitForText(By.cssSelector("section.usual"), "Desk 1 at Town hall", WAIT);
        assertTrue(usual.getText().contains("Your usual desk"), usual.getText());
        assertNoSeriousViolations("home with a usual desk");
        tap(browser.waitFor(By.id("usual-today")));
        WebElement booked = browser.waitForText(By.cssSelector("section.usual"), "Booked: Desk 1, Monday 23 November · whole day.", WAIT);
        browser.waitForText(By.id("today-bookings"), "Desk 1", WAIT);
        tap(booked.findElement(By.xpath(".//button[contains(., 'Check in now')]")));
        browser.waitForText(By.cssSelector("section.usual"), "You are checked in at Desk 1", WAIT);

        JsonNode today = server.get("/api/v1/bookings?resourceId=desk-1", alice).json().get("bookings");
        assertEquals(1, today.size());
        assertEquals("2026-11-23", today.get(0).get("date").asText());
        assertEquals("checked-in", today.get(0).get("status").asText());
        assertEquals("app", today.get(0).get("checkInMethod").asText());
    }

    @Test
    void colleagues_optInIsExplained_saved_andTeammatesWhoOptedInAreListed() {
        // Bob (ICT, like Alice) lets his team see him and sits at Desk 2 today; Carol (Facilities) is not Alice's team.
        String bob = server.login("bob");
        assertEquals(200, server.put("/api/v1/me/preferences", bob, Map.of("findableByTeam", true)).status());
        assertEquals(201, server.post("/api/v1/bookings", bob,
                Map.of("resourceId", "desk-2", "date", "2026-11-23", "part", "morning")).status());
        String carol = server.login("carol");
        assertEquals(200, server.put("/api/v1/me/preferences", carol, Map.of("findableByTeam", true)).status());
        assertEquals(201, server.post("/api/v1/bookings", carol,
                Map.of("resourceId", "desk-3", "date", "2026-11-23", "part", "afternoon")).status());

        logIn("alice");
        tapNav("colleagues");
        browser.waitForText(By.tagName("h1"), "Colleagues", WAIT);
        WebElement toggle = browser.waitFor(By.id("findable"));
        assertFalse(toggle.isSelected(), "off until she switches it on");
        assertEquals("switch", toggle.getAttribute("role"));
        String explained = browser.text(By.id("findable-explained"));
        assertTrue(explained.contains("colleagues in ICT see where you sit today"), explained);
        assertTrue(explained.contains("Only today"), explained);

        WebElement team = browser.waitForText(By.id("team-today"), "Bob de Vries", WAIT);
        assertTrue(team.getText().contains("Desk 2"), team.getText());
        assertTrue(team.getText().contains("morning"), team.getText());
        assertTrue(team.getText().contains("Town hall · First floor, ICT corner"), team.getText());
        assertFalse(team.getText().contains("Carol"), "another department is not her team");
        assertNoSeriousViolations("colleagues");

        // The switch is a checkbox, operated from the keyboard as well.
        toggle.sendKeys(" ");
        browser.waitForText(By.cssSelector(".panel .feedback"), "Saved: your team sees where you sit today.", WAIT);
        assertTrue(server.get("/api/v1/me", server.login("alice")).json().get("findableByTeam").asBoolean());
        browser.driver().navigate().refresh();
        assertTrue(browser.waitFor(By.id("findable")).isSelected(), "the choice is the server's, after a reload too");
        tap(browser.waitFor(By.cssSelector("label.switch")));
        browser.waitForText(By.cssSelector(".panel .feedback"), "Saved: your team no longer sees where you sit.", WAIT);
        assertFalse(server.get("/api/v1/me", server.login("alice")).json().get("findableByTeam").asBoolean());
    }

    @Test
    void calendarFeed_isShown_andRevoking_makesTheOldAddressStopWorking() {
        logIn("carol");
        tap(browser.waitFor(By.id("settings-link")));
        browser.waitForText(By.tagName("h1"), "Settings", WAIT);
        tap(browser.waitFor(By.id("show-feed")));
        String url = browser.waitFor(By.id("feed-url")).getAttribute("value");
        assertTrue(url.contains("/api/v1/calendar-feeds/") && url.endsWith(".ics"), url);
        assertNoSeriousViolations("settings with the calendar address");
        tap(browser.waitFor(By.id("copy-feed")));
        WebElement copied = browser.waitFor(By.cssSelector("#calendar-feed .notice"));
        assertTrue(copied.getText().equals("Copied.") || copied.getText().contains("copy it by hand"), copied.getText());

        String path = url.substring(url.indexOf("/api/v1/"));
        TestServer.Response feed = server.get(path, null);
        assertEquals(200, feed.status());
        assertTrue(feed.contentType().startsWith("text/calendar"), feed.contentType());

        tap(browser.waitFor(By.id("revoke-feed")));
        WebElement question = browser.waitFor(By.cssSelector("dialog[open]"));
        assertTrue(question.getText().contains("The address stops working"), question.getText());
        tap(question.findElement(By.cssSelector("button.danger")));
        browser.waitForText(By.id("calendar-feed"), "The address is revoked and no longer works.", WAIT);
        assertEquals(404, server.get(path, null).status());

        // A new address can be made afterwards, and it is another one.
        tap(browser.waitFor(By.id("show-feed")));
        String fresh = browser.waitFor(By.id("feed-url")).getAttribute("value");
        assertFalse(fresh.equals(url), "a new secret");
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private void logIn(String username) {
        browser.get(server.url("/login"));
        browser.waitFor(By.id("username")).sendKeys(username);
        browser.driver().findElement(By.id("password")).sendKeys(TestServer.PASSWORD);
        browser.driver().findElement(By.cssSelector("form.login-form button[type=submit]")).click();
        new WebDriverWait(browser.driver(), WAIT).until(d -> !d.getCurrentUrl().contains("/login"));
    }

    private void tapNav(String item) {
        tap(browser.waitFor(By.cssSelector("a[data-nav=" + item + "]")));
    }

    /** Scrolls to the middle first: WebDriver scrolls only to the bottom edge, under the fixed navigation bar. */
    private void tap(WebElement element) {
        browser.script("arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
    }

    private void assertNoSeriousViolations(String screen) {
        List<String> violations = browser.seriousAccessibilityViolations();
        assertTrue(violations.isEmpty(), screen + ": " + violations);
    }
}
