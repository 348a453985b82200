package nl.flexplek.server.insights;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.flexplek.server.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Carol, the facility manager, follows Monday 23 November at the town hall and looks back on it on Tuesday. Alice
 * books desk 1 and checks in; Bob books desk 2 and never comes, so it is released as a no-show at 09:30; someone
 * works at desk 2 without a booking from 10:00 to 11:00; Alice takes the e-car from 10:00 to 12:00; Bob's e-bike
 * trip at 13:00 is a no-show. The town hall has three desks (two in the ICT corner, one in the quiet area), open
 * 08:00-18:00 on weekdays.
 */
class InsightsStoryTest {
    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);

    private TestServer server;

    @BeforeEach
    void start() {
        server = TestServer.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String state(String resourceId) {
        return server.app().occupancy().resource(resourceId).map(s -> s.state().code()).orElse("unknown");
    }

    private void awaitState(String resourceId, String expected) {
        await().atMost(Duration.ofSeconds(10)).until(() -> state(resourceId).equals(expected));
    }

    private void sensor(String sensorId, String json) {
        server.sensor(sensorId, json);
        await().atMost(Duration.ofSeconds(10)).until(() -> server.app().occupancy().sensors().stream()
                .anyMatch(s -> s.id().equals(sensorId) && server.clock.instant().equals(s.lastSeen())));
    }

    private long book(String token, Map<String, Object> request) {
        TestServer.Response res = server.post("/api/v1/bookings", token, request);
        assertEquals(201, res.status(), res.body());
        return res.json().get("id").asLong();
    }

    /** Plays Monday; returns at 18:00 with every change recorded. */
    private void playMonday() {
        String alice = server.login("alice");
        String bob = server.login("bob");
        long aliceDesk = book(alice, Map.of("resourceId", "desk-1", "date", "2026-11-23", "part", "day"));
        book(bob, Map.of("resourceId", "desk-2", "date", "2026-11-23", "part", "day"));
        long car = book(alice, Map.of("resourceId", "ecar-1",
                "start", "2026-11-23T10:00:00+01:00", "end", "2026-11-23T12:00:00+01:00"));
        book(bob, Map.of("resourceId", "ebike-1", "start", "2026-11-23T13:00:00+01:00", "end", "2026-11-23T14:00:00+01:00"));
        assertEquals(200, server.post("/api/v1/bookings/" + aliceDesk + "/check-in", alice, Map.of()).status());
        awaitState("desk-1", "in-use");
        awaitState("desk-2", "booked");

        server.at(MONDAY, "09:30");
        assertEquals("offline", state("desk-2"), "Bob's desk is released; its sensor has not reported yet");

        server.at(MONDAY, "10:00");
        sensor("pir-desk-2", "{\"occupied\": true, \"battery\": 15}");
        awaitState("desk-2", "walk-in");
        assertEquals(200, server.post("/api/v1/bookings/" + car + "/check-in", alice, Map.of()).status());
        awaitState("ecar-1", "in-use");
        sensor("pir-nobody-knows", "{\"occupied\": true}");
    }

    private void finishMonday() {
        server.at(MONDAY, "11:00");
        sensor("pir-desk-2", "{\"occupied\": false}");
        awaitState("desk-2", "free");
        server.at(MONDAY, "12:00");
        server.at(MONDAY, "13:15");
        server.at(MONDAY, "18:00");
        assertEquals("offline", state("desk-1"), "Alice's day is over");
    }

    @Test
    void todayShowsDesksPerFloorTodaysOutcomesVehiclesAndSensorHealth() {
        playMonday();
        server.at(MONDAY, "10:30");
        TestServer.Response res = server.get("/api/v1/insights/today?siteId=town-hall", server.login("carol"));
        assertEquals(200, res.status(), res.body());
        JsonNode today = res.json();
        assertEquals("2026-11-23", today.get("date").asText());

        JsonNode floor = today.get("floors").get(0);
        assertEquals("th-1", floor.get("floorId").asText());
        for (JsonNode desks : List.of(floor, today.get("totals"))) {
            assertEquals(3, desks.get("desks").asInt());
            assertEquals(1, desks.get("booked").asInt(), "Alice's desk; Bob's was released");
            assertEquals(2, desks.get("occupied").asInt(), "Alice checked in, and the walk-in at desk 2");
            assertEquals(1, desks.get("walkIns").asInt());
            assertEquals(1, desks.get("free").asInt(), "desk 3");
            assertEquals(1, desks.get("offline").asInt(), "desk 1's sensor has never reported");
            assertEquals(1, desks.get("rooms").asInt());
            assertEquals(0, desks.get("roomsInUse").asInt());
        }
        assertFalse(today.get("totals").has("floorId"));

        assertEquals(4, today.get("bookings").asInt());
        assertEquals(2, today.get("checkedIn").asInt(), "Alice's desk and the e-car");
        assertEquals(1, today.get("noShows").asInt(), "Bob's desk");

        JsonNode vehicles = today.get("vehicles");
        assertEquals(2, vehicles.size());
        assertEquals("ebike-1", vehicles.get(0).get("resourceId").asText());
        assertEquals("free", vehicles.get(0).get("state").asText());
        assertEquals("ecar-1", vehicles.get(1).get("resourceId").asText());
        assertEquals("in-use", vehicles.get(1).get("state").asText());

        JsonNode sensors = today.get("sensors");
        assertEquals(4, sensors.get("total").asInt());
        assertEquals(0, sensors.get("ok").asInt());
        assertEquals(1, sensors.get("lowBattery").asInt(), "desk 2's sensor reported 15%");
        assertEquals(3, sensors.get("offline").asInt());
        assertEquals(1, sensors.get("unassigned").asInt());
    }

    @Test
    void utilizationGivesTheHeatmapDaySeriesAndZonesOfTheDay() {
        playMonday();
        finishMonday();
        server.at(MONDAY.plusDays(1), "08:00");
        TestServer.Response res = server.get("/api/v1/insights/utilization?siteId=town-hall&from=2026-11-23&to=2026-11-23",
                server.login("carol"));
        assertEquals(200, res.status(), res.body());
        JsonNode u = res.json();
        assertEquals("desk", u.get("type").asText());
        assertEquals("Europe/Amsterdam", u.get("timeZone").asText());
        assertEquals(3, u.get("resources").asInt());

        // 3 desks x 10 opening hours. Booked: desk 1 all day, desk 2 until its release at 09:30 = 11.5 of 30 hours.
        // Occupied: desk 1 checked in all day, desk 2 walked in 10:00-11:00 = 11 of 30 hours.
        JsonNode summary = u.get("summary");
        assertEquals(1, summary.get("openDays").asInt());
        assertEquals(30.0, summary.get("resourceHours").asDouble());
        assertEquals(38.3, summary.get("bookedPercent").asDouble());
        assertEquals(36.7, summary.get("occupiedPercent").asDouble());
        assertEquals(2, summary.get("bookings").asInt());
        assertEquals(1, summary.get("checkedIn").asInt());
        assertEquals(1, summary.get("noShows").asInt());
        assertEquals(0, summary.get("cancelled").asInt());
        assertEquals(1, summary.get("walkIns").asInt());
        assertEquals(50.0, summary.get("noShowPercent").asDouble());
        assertEquals(50.0, summary.get("walkInPercent").asDouble());

        JsonNode heatmap = u.get("heatmap");
        assertEquals(List.of(8, 9, 10, 11, 12, 13, 14, 15, 16, 17), ints(heatmap.get("hours")));
        assertEquals(7, heatmap.get("rows").size());
        JsonNode monday = heatmap.get("rows").get(0);
        assertEquals("monday", monday.get("weekday").asText());
        assertEquals(1, monday.get("days").asInt());
        assertEquals(List.of(66.7, 50.0, 33.3, 33.3, 33.3, 33.3, 33.3, 33.3, 33.3, 33.3), doubles(monday.get("bookedPercent")));
        assertEquals(List.of(33.3, 33.3, 66.7, 33.3, 33.3, 33.3, 33.3, 33.3, 33.3, 33.3), doubles(monday.get("occupiedPercent")));
        JsonNode tuesday = heatmap.get("rows").get(1);
        assertEquals(0, tuesday.get("days").asInt());
        tuesday.get("bookedPercent").forEach(cell -> assertTrue(cell.isNull(), "no Tuesday in the period"));

        JsonNode day = u.get("days").get(0);
        assertEquals(1, u.get("days").size());
        assertEquals("2026-11-23", day.get("date").asText());
        assertTrue(day.get("open").asBoolean());
        assertEquals(38.3, day.get("bookedPercent").asDouble());
        assertEquals(36.7, day.get("occupiedPercent").asDouble());
        assertEquals(1, day.get("walkIns").asInt());
        assertEquals(day, u.get("peakDays").get(0));

        JsonNode ict = u.get("zones").get(0);
        assertEquals("th-1-ict", ict.get("zoneId").asText());
        assertEquals(2, ict.get("resources").asInt());
        assertEquals(57.5, ict.get("bookedPercent").asDouble());
        assertEquals(55.0, ict.get("occupiedPercent").asDouble());
        assertEquals(50.0, ict.get("noShowPercent").asDouble());
        JsonNode quiet = u.get("zones").get(1);
        assertEquals("th-1-quiet", quiet.get("zoneId").asText());
        assertEquals(0.0, quiet.get("bookedPercent").asDouble());
        assertFalse(quiet.has("noShowPercent"), "no outcomes, no rate");

        JsonNode ictOnly = server.get("/api/v1/insights/utilization?siteId=town-hall&from=2026-11-23&to=2026-11-23"
                + "&zoneId=th-1-ict", server.login("carol")).json();
        assertEquals(2, ictOnly.get("resources").asInt());
        assertEquals(57.5, ictOnly.get("summary").get("bookedPercent").asDouble());
    }

    @Test
    void aWeekWithAClosedDayAndAFutureDayIsShownAsSuch() {
        playMonday();
        finishMonday();
        server.at(MONDAY.plusDays(1), "08:00");
        JsonNode u = server.get("/api/v1/insights/utilization?siteId=town-hall&from=2026-11-22&to=2026-11-26",
                server.login("carol")).json();
        JsonNode days = u.get("days");
        assertEquals(5, days.size());
        assertEquals("sunday", days.get(0).get("weekday").asText());
        assertTrue(days.get(0).get("open").asBoolean(), "the town hall opens on Sundays");
        assertEquals(0.0, days.get(0).get("bookedPercent").asDouble());
        assertFalse(days.get(3).has("occupiedPercent"), "Wednesday has not begun");
        assertEquals(0.0, days.get(3).get("bookedPercent").asDouble());
        assertEquals(38.3, u.get("peakDays").get(0).get("bookedPercent").asDouble());
        assertEquals("2026-11-23", u.get("peakDays").get(0).get("date").asText());
    }

    @Test
    void vehiclesShowTripsHoursAndNoShows() {
        playMonday();
        finishMonday();
        server.at(MONDAY.plusDays(1), "08:00");
        TestServer.Response res = server.get("/api/v1/insights/vehicles?siteId=town-hall&from=2026-11-23&to=2026-11-23",
                server.login("carol"));
        assertEquals(200, res.status(), res.body());
        JsonNode vehicles = res.json().get("vehicles");
        assertEquals(2, vehicles.size());
        JsonNode bike = vehicles.get(0);
        assertEquals("ebike-1", bike.get("resourceId").asText());
        assertEquals(1, bike.get("bookings").asInt());
        assertEquals(0, bike.get("trips").asInt());
        assertEquals(1, bike.get("noShows").asInt());
        assertEquals(0.3, bike.get("hoursBooked").asDouble(), "held 13:00-13:15, until its release");
        assertEquals(2.5, bike.get("bookedPercent").asDouble());
        JsonNode car = vehicles.get(1);
        assertEquals("ecar-1", car.get("resourceId").asText());
        assertEquals(1, car.get("trips").asInt());
        assertEquals(0, car.get("noShows").asInt());
        assertEquals(2.0, car.get("hoursBooked").asDouble());
        assertEquals(20.0, car.get("bookedPercent").asDouble());
        assertEquals(20.0, car.get("inUsePercent").asDouble());

        JsonNode everywhere = server.get("/api/v1/insights/vehicles?from=2026-11-23&to=2026-11-23", server.login("carol")).json();
        assertFalse(everywhere.has("siteId"));
        assertEquals(2, everywhere.get("vehicles").size(), "the Berlin office has no vehicles");
    }

    @Test
    void exportIsACsvDownloadPerSiteAndZone() {
        playMonday();
        finishMonday();
        server.at(MONDAY.plusDays(1), "08:00");
        TestServer.Response res = server.get("/api/v1/insights/export.csv?siteId=town-hall&from=2026-11-23&to=2026-11-24",
                server.login("carol"));
        assertEquals(200, res.status(), res.body());
        assertTrue(res.contentType().startsWith("text/csv"), res.contentType());
        assertEquals("attachment; filename=\"flexplek-insights-town-hall-2026-11-23-2026-11-24.csv\"",
                res.header("Content-Disposition"));
        List<String> lines = List.of(res.body().split("\r\n", -1));
        assertEquals("", lines.getLast(), "every line ends in CRLF");
        assertEquals(String.join(",", InsightsEndpoint.EXPORT_COLUMNS), lines.get(0));
        assertEquals(1 + 2 * 3 + 1, lines.size(), "two days of the site and its two zones");
        assertEquals("town-hall,Town hall,,,2026-11-23,monday,true,desk,3,30,38.3,36.7,2,1,1,0,1", lines.get(1));
        assertEquals("town-hall,Town hall,th-1-ict,ICT corner,2026-11-23,monday,true,desk,2,20,57.5,55,2,1,1,0,1", lines.get(2));
        assertEquals("town-hall,Town hall,th-1-quiet,Quiet area,2026-11-23,monday,true,desk,1,10,0,0,0,0,0,0,0", lines.get(3));
        assertTrue(lines.get(4).startsWith("town-hall,Town hall,,,2026-11-24,tuesday,true,desk,3,30,0,"), lines.get(4));
    }

    @Test
    void exportedNamesThatLookLikeFormulasAreDefused() {
        String carol = server.login("carol");
        ObjectNode site = (ObjectNode) server.get("/api/v1/sites/town-hall", carol).json();
        site.put("name", "-2+3, the town hall");
        ((ObjectNode) site.get("floors").get(0).get("zones").get(1)).put("name", "=HYPERLINK(\"http://evil\",\"x\")");
        assertEquals(200, server.put("/api/v1/sites/town-hall", carol, site.toString()).status());

        String csv = server.get("/api/v1/insights/export.csv?siteId=town-hall&from=2026-11-23&to=2026-11-23", carol).body();
        List<String> lines = new ArrayList<>(List.of(csv.split("\r\n")));
        assertTrue(lines.get(3).startsWith("town-hall,\"'-2+3, the town hall\",th-1-quiet,\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\","),
                lines.get(3));
        for (String line : lines) {
            for (String cell : line.split(",")) {
                assertFalse(cell.startsWith("=") || cell.startsWith("@") || cell.startsWith("\"="), cell);
            }
        }
    }

    private static List<Integer> ints(JsonNode array) {
        List<Integer> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asInt()));
        return out;
    }

    private static List<Double> doubles(JsonNode array) {
        List<Double> out = new ArrayList<>();
        array.forEach(n -> out.add(n.isNull() ? null : n.asDouble()));
        return out;
    }
}
