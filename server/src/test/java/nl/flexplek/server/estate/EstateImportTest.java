package nl.flexplek.server.estate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import nl.flexplek.server.testing.TestServer;
import org.junit.jupiter.api.Test;

/** Starting again, or importing again, never loses or duplicates anything. */
class EstateImportTest {

    private static long count(TestServer server, String table) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + server.databaseFile());
             ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM " + table)) {
            return rs.getLong(1);
        }
    }

    @Test
    void theDemoStartsWithTheWholeMunicipalityAndARestartChangesNothing() throws SQLException {
        try (TestServer server = TestServer.start(Map.of("flexplek.demo", "true", "flexplek.demo-history-weeks", "2"))) {
            String manager = server.login("manager", "demo");
            JsonNode sites = server.get("/api/v1/sites", manager).json().get("sites");
            assertEquals(9, sites.size(), "7 demo sites and the 2 test sites");
            int desks = 0;
            int rooms = 0;
            int ebikes = 0;
            int ecars = 0;
            int withSensor = 0;
            for (JsonNode r : server.get("/api/v1/resources", manager).json().get("resources")) {
                if (r.get("siteId").asText().equals("town-hall") || r.get("siteId").asText().equals("berlin-office")) {
                    continue;
                }
                switch (r.get("type").asText()) {
                    case "desk" -> desks++;
                    case "room" -> rooms++;
                    case "ebike" -> ebikes++;
                    default -> ecars++;
                }
                withSensor += r.has("sensorId") ? 1 : 0;
            }
            assertTrue(desks >= 300, "desks " + desks);
            assertTrue(rooms >= 30, "rooms " + rooms);
            assertEquals(10, ebikes);
            assertEquals(4, ecars);
            assertTrue(withSensor > (desks + rooms + ebikes + ecars) * 0.8, "sensors " + withSensor);
            assertEquals(200, server.get("/api/v1/me", server.login("employee200", "demo")).status());
            // Two in three demo employees chose to be findable, so some see teammates at their desks today.
            int findable = 0;
            int seeTeammates = 0;
            for (int i = 1; i <= 6; i++) {
                String employee = server.login("employee" + i, "demo");
                findable += server.get("/api/v1/me", employee).json().get("findableByTeam").asBoolean() ? 1 : 0;
                seeTeammates += server.get("/api/v1/colleagues/today", employee).json().isEmpty() ? 0 : 1;
            }
            assertEquals(4, findable);
            assertTrue(seeTeammates > 0);
            long preferences = count(server, "staff_preferences");

            long resources = count(server, "resource");
            long accounts = count(server, "account");
            long bookings = count(server, "booking");
            long floors = count(server, "floor");
            assertTrue(bookings > 1000, "history " + bookings);
            server.restart();
            assertEquals(resources, count(server, "resource"));
            assertEquals(accounts, count(server, "account"));
            assertEquals(bookings, count(server, "booking"));
            assertEquals(floors, count(server, "floor"));
            assertEquals(preferences, count(server, "staff_preferences"));
            // The demo password still works after the restart: passwords are not re-hashed or replaced.
            assertEquals(200, server.get("/api/v1/me", server.login("employee1", "demo")).status());
        }
    }

    @Test
    void importingTheSameDocumentTwiceUpdatesInPlace() throws SQLException {
        try (TestServer server = TestServer.start()) {
            String carol = server.login("carol");
            String yaml = """
                    sites:
                      - id: wijkpost
                        name: Wijkpost
                        timeZone: Europe/Amsterdam
                        openingHours: [{day: monday, opens: "09:00", closes: "17:00"}]
                        floors: [{id: wp-0, name: Begane grond, level: 0, zones: [{id: wp-0-a, name: Team, team: Wijkteam}]}]
                    resources:
                      - {id: wp-d1, siteId: wijkpost, floorId: wp-0, zoneId: wp-0-a, type: desk, name: Werkplek 1}
                      - {id: wp-d2, siteId: wijkpost, floorId: wp-0, zoneId: wp-0-a, type: desk, name: Werkplek 2}
                    """;
            TestServer.Response first = server.raw("POST", "/api/v1/estate/imports", carol, "application/yaml",
                    yaml.getBytes(StandardCharsets.UTF_8));
            assertEquals(200, first.status(), first.body());
            assertEquals(1, first.json().get("sitesCreated").asInt());
            assertEquals(2, first.json().get("resourcesCreated").asInt());
            long resources = count(server, "resource");
            TestServer.Response second = server.raw("POST", "/api/v1/estate/imports", carol, "application/yaml",
                    yaml.replace("Werkplek 2", "Werkplek 2 (raam)").getBytes(StandardCharsets.UTF_8));
            assertEquals(0, second.json().get("resourcesCreated").asInt());
            assertEquals(2, second.json().get("resourcesUpdated").asInt());
            assertEquals(resources, count(server, "resource"));
            assertEquals("Werkplek 2 (raam)", server.get("/api/v1/resources/wp-d2", carol).json().get("name").asText());
        }
    }

    @Test
    void aManagerAddsADeskAndChangesOpeningHours() {
        try (TestServer server = TestServer.start()) {
            String carol = server.login("carol");
            TestServer.Response added = server.post("/api/v1/resources", carol, Map.of("id", "desk-4", "siteId", "town-hall",
                    "floorId", "th-1", "zoneId", "th-1-ict", "type", "desk", "name", "Desk 4",
                    "features", List.of("docking"), "position", Map.of("x", 5, "y", 1)));
            assertEquals(201, added.status(), added.body());
            assertEquals(409, server.post("/api/v1/resources", carol, Map.of("id", "desk-4", "siteId", "town-hall",
                    "type", "desk", "name", "Desk 4")).status());
            String alice = server.login("alice");
            assertEquals(1, server.get("/api/v1/resources?siteId=town-hall&type=desk&features=docking", alice)
                    .json().get("count").asInt());

            TestServer.Response site = server.put("/api/v1/sites/town-hall", carol, Map.of("id", "town-hall",
                    "name", "Town hall", "timeZone", "Europe/Amsterdam",
                    "openingHours", List.of(Map.of("day", "tuesday", "opens", "10:00", "closes", "16:00")),
                    "floors", List.of(Map.of("id", "th-1", "name", "First floor", "level", 1))));
            assertEquals(200, site.status(), site.body());
            TestServer.Response desk = server.post("/api/v1/bookings", alice,
                    Map.of("resourceId", "desk-4", "date", "2026-11-24", "part", "morning"));
            assertEquals("2026-11-24T10:00:00+01:00", desk.json().get("start").asText());
            assertEquals(422, server.post("/api/v1/bookings", alice,
                    Map.of("resourceId", "desk-4", "date", "2026-11-25", "part", "morning")).status());
        }
    }
}
