package nl.flexplek.server.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import nl.flexplek.server.testing.TestServer;
import org.junit.jupiter.api.Test;

/** The demo starts with a sensor history that follows its booking history, so the heatmap shows real use. */
class DemoSensorHistoryTest {

    @Test
    void theDemoHistoryHasSensorOccupancyMadeOnce() throws SQLException {
        try (TestServer server = TestServer.start(Map.of("flexplek.demo", "true", "flexplek.demo-history-weeks", "1"))) {
            String before = "at < " + TestServer.MONDAY_8AM.toEpochMilli();
            long changes = count(server, "SELECT count(*) FROM occupancy_change WHERE " + before);
            assertTrue(changes > 1_000, "changes: " + changes);
            assertEquals(0, count(server, """
                    SELECT count(*) FROM (SELECT state, lag(state) OVER (PARTITION BY resource_id ORDER BY at, id) AS prev
                                          FROM occupancy_change) WHERE state = prev"""), "only changes are stored");
            assertEquals(0, count(server, "SELECT count(*) FROM booking WHERE status = 'no-show' AND released_at IS NULL"),
                    "the demo's no-shows say when they were released");

            JsonNode week = server.get("/api/v1/insights/utilization?siteId=stadhuis&from=2026-11-16&to=2026-11-22",
                    server.login("manager", "demo")).json();
            JsonNode summary = week.get("summary");
            assertTrue(summary.get("bookedPercent").asDouble() > 20, summary.toString());
            assertTrue(summary.get("occupiedPercent").asDouble() > 20, summary.toString());
            assertTrue(summary.get("walkIns").asInt() > 0, summary.toString());
            assertTrue(summary.get("noShows").asInt() > 0, summary.toString());
            JsonNode tuesday = week.get("heatmap").get("rows").get(1);
            assertTrue(tuesday.get("occupiedPercent").get(10 - week.get("heatmap").get("hours").get(0).asInt()).asDouble() > 30,
                    "Tuesday at ten is busy: " + tuesday);

            server.restart();
            assertEquals(changes, count(server, "SELECT count(*) FROM occupancy_change WHERE " + before),
                    "a second start adds no history");
        }
    }

    private static long count(TestServer server, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + server.databaseFile());
             ResultSet rs = c.createStatement().executeQuery(sql)) {
            assertTrue(rs.next());
            return rs.getLong(1);
        }
    }
}
