package nl.flexplek.server.web;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import nl.flexplek.server.testing.TestServer;
import nl.flexplek.testing.Browser;
import nl.flexplek.testing.Pages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The staff app's main screens on a phone with the demo municipality (its estate, accounts and booking history), as
 * the README shows them: each screen is checked with axe-core and saved as a screenshot in target/screenshots.
 */
@Tag("browser")
class StaffAppScreensTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static TestServer server;
    private static Browser browser;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of("flexplek.demo", "true", "flexplek.identity.session-lifetime", "P3650D"));
        browser = Browser.open(360, 640);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        server.close();
    }

    @Test
    void mainScreens_withTheDemoMunicipality_haveNoSeriousAccessibilityViolations() {
        browser.get(server.url("/login"));
        browser.script("localStorage.clear();");
        browser.get(server.url("/login"));
        browser.waitFor(By.id("username"));
        browser.assertAccessible("login");
        browser.screenshot("staff-login");

        String employee = someoneCheckedInThisMorning();
        Pages.logInToStaffApp(browser, server.url("/login"), employee, "demo");
        browser.waitForText(By.tagName("h1"), "Good morning", WAIT);
        browser.waitForText(By.id("today-bookings"), "Checked in", WAIT);
        browser.assertAccessible("home");
        browser.screenshot("staff-home");

        browser.get(server.url("/find?site=stadhuis"));
        browser.waitForText(By.id("result-count"), "desks free", WAIT);
        browser.assertAccessible("find a desk");
        browser.script("document.querySelector('.view-switch button:last-child').click();");
        WebElement map = browser.waitFor(By.id("floor-map"), WAIT);
        assertFalse(map.findElements(By.cssSelector("g.desk-free[role=button]")).isEmpty(), "free desks on the map");
        browser.assertAccessible("floor map");
        browser.script("document.getElementById('results-heading').scrollIntoView({block: 'start'});"
                + "window.scrollBy(0, -70); document.activeElement.blur();");
        browser.screenshot("staff-find-map");

        browser.get(server.url("/bookings"));
        browser.waitFor(By.cssSelector("#upcoming li.booking"), WAIT);
        browser.assertAccessible("my bookings");
        browser.screenshot("staff-bookings");

        String freeDesk = aFreeDeskToday();
        browser.get(server.url("/d/" + freeDesk));
        browser.waitFor(By.id("walkup-book"), WAIT);
        browser.assertAccessible("walk-up");
        browser.screenshot("staff-walkup");

        for (String screen : List.of("/rooms", "/vehicles", "/colleagues", "/settings")) {
            browser.get(server.url(screen));
            browser.waitFor(By.tagName("h1"), WAIT);
            new WebDriverWait(browser.driver(), WAIT).until(d -> d.findElements(By.cssSelector(".loading")).isEmpty());
            browser.assertAccessible(screen);
            browser.screenshot("staff" + screen.replace('/', '-'));
        }

        // The same app on a desktop screen.
        browser.resize(1280, 800);
        try {
            browser.get(server.url("/find?site=stadhuis"));
            browser.waitForText(By.id("result-count"), "desks free", WAIT);
            browser.assertAccessible("find a desk on a desktop");
            browser.screenshot("staff-desktop-find");
        } finally {
            browser.resize(360, 640);
        }
    }

    /** A demo employee who is checked in at a desk in the town hall this morning (the history has them by now). */
    private static String someoneCheckedInThisMorning() {
        JsonNode today = server.get("/api/v1/bookings?siteId=stadhuis&type=desk&status=checked-in"
                + "&from=2026-11-23T08:00:00%2B01:00&to=2026-11-23T09:00:00%2B01:00", server.login("manager", "demo"))
                .json().get("bookings");
        for (JsonNode booking : today) {
            if (!"afternoon".equals(booking.get("part").asText())) {
                return booking.get("owner").get("username").asText();
            }
        }
        throw new AssertionError("no one checked in at a desk this morning in the demo history");
    }

    private static String aFreeDeskToday() {
        JsonNode free = server.get("/api/v1/availability?siteId=stadhuis&type=desk&date=2026-11-23&part=day",
                server.login("manager", "demo")).json().get("resources");
        return free.get(free.size() / 2).get("id").asText();
    }
}
