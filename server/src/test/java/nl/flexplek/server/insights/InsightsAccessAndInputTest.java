package nl.flexplek.server.insights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import nl.flexplek.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Only facility managers see the insights; open data needs no login; bad questions get a clear problem. */
class InsightsAccessAndInputTest {
    private static final List<String> MANAGER_ONLY = List.of(
            "/api/v1/insights/today?siteId=town-hall",
            "/api/v1/insights/utilization?siteId=town-hall&from=2026-11-16&to=2026-11-22",
            "/api/v1/insights/vehicles?siteId=town-hall&from=2026-11-16&to=2026-11-22",
            "/api/v1/insights/export.csv?siteId=town-hall&from=2026-11-16&to=2026-11-22");

    private static TestServer server;
    private static String alice;
    private static String carol;
    private static String kiosk;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        alice = server.login("alice");
        carol = server.login("carol");
        kiosk = server.login("kiosk-town-hall");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void insightsAreForFacilityManagersOnly() {
        for (String path : MANAGER_ONLY) {
            assertEquals(200, server.get(path, carol).status(), path);
            for (String token : new String[]{alice, kiosk}) {
                TestServer.Response refused = server.get(path, token);
                assertEquals(403, refused.status(), path);
                assertEquals("application/problem+json", refused.contentType());
            }
            TestServer.Response anonymous = server.get(path, null);
            assertEquals(401, anonymous.status(), path);
            assertEquals("application/problem+json", anonymous.contentType());
        }
    }

    @Test
    void openDataNeedsNoLogin() {
        String path = "/api/v1/open-data/occupancy.csv?from=2026-11-16&to=2026-11-22";
        TestServer.Response res = server.get(path, null);
        assertEquals(200, res.status(), res.body());
        assertTrue(res.contentType().startsWith("text/csv"));
        assertEquals(200, server.get(path, kiosk).status(), "a token does no harm");
        assertEquals(200, server.get(path + "&granularity=hour", null).status());
    }

    @Test
    void aPeriodThatEndsBeforeItStartsIsABadRequest() {
        assertProblem("/api/v1/insights/utilization?siteId=town-hall&from=2026-11-22&to=2026-11-16", "to");
        assertProblem("/api/v1/insights/export.csv?from=2026-11-22&to=2026-11-16", "to");
        assertProblem("/api/v1/insights/vehicles?from=2026-11-22&to=2026-11-16", "to");
        assertProblem("/api/v1/open-data/occupancy.csv?from=2026-11-22&to=2026-11-16", "to");
    }

    @Test
    void aPeriodLongerThanAYearIsABadRequest() {
        assertProblem("/api/v1/insights/utilization?siteId=town-hall&from=2025-01-01&to=2026-11-22", "to");
        assertProblem("/api/v1/insights/export.csv?from=2025-01-01&to=2026-11-22", "to");
        assertProblem("/api/v1/open-data/occupancy.csv?from=2025-01-01&to=2026-11-22", "to");
        assertProblem("/api/v1/open-data/occupancy.csv?from=2026-09-01&to=2026-11-22&granularity=hour", "to");
        assertEquals(200, server.get("/api/v1/insights/utilization?siteId=town-hall&from=2025-11-23&to=2026-11-23",
                carol).status(), "366 days is allowed");
    }

    @Test
    void unknownSitesZonesAndTypesAreBadRequests() {
        assertProblem("/api/v1/insights/today?siteId=atlantis", "siteId");
        assertProblem("/api/v1/insights/utilization?siteId=atlantis&from=2026-11-16&to=2026-11-22", "siteId");
        assertProblem("/api/v1/insights/vehicles?siteId=atlantis&from=2026-11-16&to=2026-11-22", "siteId");
        assertProblem("/api/v1/insights/export.csv?siteId=atlantis&from=2026-11-16&to=2026-11-22", "siteId");
        assertProblem("/api/v1/insights/utilization?siteId=town-hall&from=2026-11-16&to=2026-11-22&zoneId=bo-0", "zoneId");
        assertProblem("/api/v1/insights/utilization?siteId=town-hall&from=2026-11-16&to=2026-11-22&type=boat", "type");
        assertProblem("/api/v1/open-data/occupancy.csv?from=2026-11-16&to=2026-11-22&granularity=minute", "granularity");
    }

    @Test
    void missingOrMalformedParametersAreBadRequests() {
        assertProblem("/api/v1/insights/today", "siteId");
        assertProblem("/api/v1/insights/utilization?siteId=town-hall&to=2026-11-22", "from");
        assertProblem("/api/v1/insights/utilization?siteId=town-hall&from=2026-11-16", "to");
        assertProblem("/api/v1/insights/utilization?siteId=town-hall&from=16-11-2026&to=2026-11-22", "from");
        assertProblem("/api/v1/open-data/occupancy.csv?from=2026-11-16", "to");
        assertProblem("/api/v1/open-data/occupancy.csv?from=2026-02-30&to=2026-03-01", "from");
    }

    private static void assertProblem(String path, String field) {
        TestServer.Response res = server.get(path, carol);
        assertEquals(400, res.status(), path + " -> " + res.body());
        assertEquals("application/problem+json", res.contentType());
        JsonNode problem = res.json();
        assertEquals("https://flexplek.nl/problems/invalid-request", problem.get("type").asText());
        assertEquals(field, problem.get("errors").get(0).get("name").asText(), res.body());
        assertFalse(problem.get("detail").asText().contains("Exception"));
    }
}
