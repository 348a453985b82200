package nl.flexplek.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import nl.flexplek.server.testing.TestServer;
import nl.flexplek.testing.Browser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The front ends are served, deep links open their page, and pages carry the headers that keep tokens private. */
@Tag("browser")
class WebPagesTest {
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void deskQrCodeLink_opensTheStaffApp_withoutLeakingReferrers() {
        TestServer.Response page = server.get("/d/th-1-d001", null);
        assertEquals(200, page.status());
        assertTrue(page.contentType().startsWith("text/html"));
        assertEquals("no-referrer", page.header("Referrer-Policy"));
        assertTrue(page.header("Content-Security-Policy").contains("frame-ancestors 'none'"));
    }

    @Test
    void kioskAndDashboardPages_areServed() {
        assertEquals(200, server.get("/kiosk/town-hall", null).status());
        assertEquals(200, server.get("/manage/", null).status());
        assertEquals(200, server.get("/", null).status());
    }

    @Test
    void unknownApiPath_isStillAProblem_notAPage() {
        TestServer.Response answer = server.get("/api/v1/nothing-here", null);
        assertEquals(404, answer.status());
        assertTrue(answer.contentType().startsWith("application/problem+json"));
    }

    @Test
    void headlessChromium_rendersTheStaffApp() {
        try (Browser browser = Browser.open(360, 640)) {
            browser.get(server.url("/"));
            assertTrue(browser.waitFor(By.tagName("h1")).isDisplayed());
        }
    }
}
