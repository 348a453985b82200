package nl.flexplek.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
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
 * The staff app's personal screens on a phone: the usual desk on the home screen, the opt-in to be findable by one's
 * team and the teammates who opted in, and the calendar feed in the settings.
 * The server's clock stands on Monday 23 November 2026, 08:00 in Amsterdam.
 */
@Tag("browser")
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
        browser.assertAccessible("home with a usual desk");
        browser.tap(browser.waitFor(By.id("usual-today")));
        WebElement booked = browser.waitForText(By.cssSelector("section.usual"), "Booked: Desk 1, Monday 23 November · whole day.", WAIT);
        browser.waitForText(By.id("today-bookings"), "Desk 1", WAIT);
        browser.tap(booked.findElement(By.xpath(".//button[contains(., 'Check in now')]")));
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
        browser.assertAccessible("colleagues");

        // The switch is a checkbox, operated from the keyboard as well.
        toggle.sendKeys(" ");
        browser.waitForText(By.cssSelector(".panel .feedback"), "Saved: your team sees where you sit today.", WAIT);
        assertTrue(server.get("/api/v1/me", server.login("alice")).json().get("findableByTeam").asBoolean());
        browser.driver().navigate().refresh();
        assertTrue(browser.waitFor(By.id("findable")).isSelected(), "the choice is the server's, after a reload too");
        browser.tap(browser.waitFor(By.cssSelector("label.switch")));
        browser.waitForText(By.cssSelector(".panel .feedback"), "Saved: your team no longer sees where you sit.", WAIT);
        assertFalse(server.get("/api/v1/me", server.login("alice")).json().get("findableByTeam").asBoolean());
    }

    @Test
    void calendarFeed_isShown_andRevoking_makesTheOldAddressStopWorking() {
        logIn("carol");
        browser.tap(browser.waitFor(By.id("settings-link")));
        browser.waitForText(By.tagName("h1"), "Settings", WAIT);
        browser.tap(browser.waitFor(By.id("show-feed")));
        String url = browser.waitFor(By.id("feed-url")).getAttribute("value");
        assertTrue(url.contains("/api/v1/calendar-feeds/") && url.endsWith(".ics"), url);
        browser.assertAccessible("settings with the calendar address");
        browser.tap(browser.waitFor(By.id("copy-feed")));
        WebElement copied = browser.waitFor(By.cssSelector("#calendar-feed .notice"));
        assertTrue(copied.getText().equals("Copied.") || copied.getText().contains("copy it by hand"), copied.getText());

        String path = url.substring(url.indexOf("/api/v1/"));
        TestServer.Response feed = server.get(path, null);
        assertEquals(200, feed.status());
        assertTrue(feed.contentType().startsWith("text/calendar"), feed.contentType());

        browser.tap(browser.waitFor(By.id("revoke-feed")));
        WebElement question = browser.waitFor(By.cssSelector("dialog[open]"));
        assertTrue(question.getText().contains("The address stops working"), question.getText());
        browser.tap(question.findElement(By.cssSelector("button.danger")));
        browser.waitForText(By.id("calendar-feed"), "The address is revoked and no longer works.", WAIT);
        assertEquals(404, server.get(path, null).status());

        // A new address can be made afterwards, and it is another one.
        browser.tap(browser.waitFor(By.id("show-feed")));
        String fresh = browser.waitFor(By.id("feed-url")).getAttribute("value");
        assertFalse(fresh.equals(url), "a new secret");
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private void logIn(String username) {
        Pages.logInToStaffApp(browser, server.url("/login"), username, TestServer.PASSWORD);
    }

    private void tapNav(String item) {
        browser.tap(browser.waitFor(By.cssSelector("a[data-nav=" + item + "]")));
    }
}
