package nl.flexplek.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;

import nl.flexplek.server.testing.TestServer;
import nl.flexplek.testing.Browser;
import nl.flexplek.testing.Pages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A PC, phone or wall screen whose clock is a year off still shows the server's day and keeps its session: the
 * server decides whether a session is valid and what "today" is. The server runs on Monday 23 November 2026 08:00
 * (Amsterdam) while the browser's clock is a year ahead or behind of the machine's.
 */
@Tag("browser")
class DeviceClockTest {
    private static final Duration WAIT = Duration.ofSeconds(15);

    private TestServer server;
    private Browser browser;

    @BeforeEach
    void start() {
        server = TestServer.start();
    }

    @AfterEach
    void stop() {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            server.close();
        }
    }

    private void openBrowser(String offset) {
        browser = Browser.openWithClockOffset(1280, 800, "en", Duration.parse(offset));
        browser.get(server.url("/login"));
        long skew = browser.pageClockMillis() - System.currentTimeMillis();
        assertTrue(Math.abs(skew - Duration.parse(offset).toMillis()) < 60_000, "the browser's clock is off: " + skew);
    }

    @ParameterizedTest
    @ValueSource(strings = {"P365D", "-P365D"})
    void managerStaysLoggedIn_andTheDashboardShowsTheServersDay_whenThePcClockIsAYearOff(String offset) {
        openBrowser(offset);
        Pages.logInToDashboard(browser, server.url("/manage/"), "carol", TestServer.PASSWORD);
        browser.waitForText(By.cssSelector("#view h1"), "Live occupancy", WAIT);

        browser.get(server.url("/manage/insights"));
        String to = new WebDriverWait(browser.driver(), WAIT).until(d -> {
            var inputs = d.findElements(By.id("insights-to"));
            return inputs.isEmpty() ? null : inputs.getFirst().getDomProperty("value");
        });
        assertEquals("2026-11-23", to, "the period ends on the server's today");
    }

    @ParameterizedTest
    @ValueSource(strings = {"P365D", "-P365D"})
    void employeeSeesTodaysBooking_whenThePhoneClockIsAYearOff(String offset) {
        String alice = server.login("alice");
        assertEquals(201, server.post("/api/v1/bookings", alice,
                Map.of("resourceId", "desk-3", "date", "2026-11-23", "part", "day")).status());
        openBrowser(offset);
        Pages.logInToStaffApp(browser, server.url("/login"), "alice", TestServer.PASSWORD);
        browser.waitForText(By.id("today-bookings"), "Desk 3", WAIT);

        browser.get(server.url("/"));
        browser.waitForText(By.id("today-bookings"), "Desk 3", WAIT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"P365D", "-P365D"})
    void kioskShowsTheServersTime_whenTheScreensClockIsAYearOff(String offset) {
        String token = server.login("kiosk-town-hall");
        openBrowser(offset);
        browser.get(server.url("/kiosk/town-hall?lang=en&token=" + token));
        String shown = new WebDriverWait(browser.driver(), WAIT).until(d -> {
            var clock = d.findElements(By.id("clock"));
            String at = clock.isEmpty() ? "" : clock.getFirst().getDomAttribute("datetime");
            return at != null && !at.isEmpty() ? at : null;
        });
        assertTrue(shown.startsWith("2026-11-23T07:"), "the kiosk's clock is the server's: " + shown);
    }
}
