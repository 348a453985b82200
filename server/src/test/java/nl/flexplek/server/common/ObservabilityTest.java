package nl.flexplek.server.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import nl.flexplek.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Operators see health and metrics; API clients see the version header. */
class ObservabilityTest {
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
    void healthIsUpWithTheDatabaseCheck() {
        TestServer.Response health = server.get("/observe/health", null);
        assertEquals(200, health.status(), health.body());
        assertTrue(health.body().contains("database"), health.body());
    }

    @Test
    void metricsCountBookingsConflictsAndRejectedRequests() {
        String alice = server.login("alice");
        String bob = server.login("bob");
        assertEquals(201, server.post("/api/v1/bookings", alice,
                Map.of("resourceId", "desk-1", "date", "2026-11-24", "part", "day")).status());
        assertEquals(409, server.post("/api/v1/bookings", bob,
                Map.of("resourceId", "desk-1", "date", "2026-11-24", "part", "day")).status());
        String metrics = server.get("/observe/metrics", null).body();
        assertTrue(metrics.contains("flexplek_bookings_created_total{scope=\"application\",type=\"desk\""), metrics);
        assertTrue(metrics.contains("flexplek_bookings_conflicts_total{scope=\"application\",type=\"desk\""), metrics);
        assertTrue(metrics.contains("flexplek_http_rejected_total{problem=\"conflict\""), metrics);
        assertTrue(metrics.contains("flexplek_http_requests_seconds_count{method=\"POST\",route=\"/api/v1/bookings\""), metrics);
    }

    @Test
    void everyApiAnswerCarriesTheFullApiVersion() {
        assertEquals("1.0.0", server.get("/api/v1/openapi.json", null).header("API-Version"));
        assertEquals("1.0.0", server.get("/api/v1/bookings", null).header("API-Version"));
        assertEquals("1.0.0", server.get("/api/v1/nothing-here", null).header("API-Version"));
    }
}
