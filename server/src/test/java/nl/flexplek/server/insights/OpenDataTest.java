package nl.flexplek.server.insights;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import nl.flexplek.server.identity.NewAccount;
import nl.flexplek.server.identity.Role;
import nl.flexplek.server.testing.TestServer;
import org.junit.jupiter.api.Test;

/**
 * The public occupancy figures: per site and day or hour, with no trace of a person or a desk, and nothing shown for
 * a group of fewer than five bookings. On Monday five people book the town hall's five desks (three come, two are
 * no-shows); on Tuesday only Alice books.
 */
class OpenDataTest {
    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);
    private static final List<String> PEOPLE = List.of("alice", "bob", "carol", "dave", "erin");

    private void at(TestServer server, LocalDate day, String time) {
        server.clock.set(ZonedDateTime.of(day, LocalTime.parse(time), AMSTERDAM).toInstant());
        server.app().occupancy().tick();
    }

    private void awaitState(TestServer server, String resourceId, String expected) {
        await().atMost(Duration.ofSeconds(10)).until(() -> server.app().occupancy().resource(resourceId)
                .map(s -> s.state().code()).orElse("").equals(expected));
    }

    /** Monday and Tuesday as told above; returns on Wednesday morning. */
    private void playTwoDays(TestServer server) {
        server.app().identity().ensureAccounts(List.of(
                new NewAccount("dave", "Dave Smit", Role.EMPLOYEE, "ICT", "town-hall", TestServer.PASSWORD),
                new NewAccount("erin", "Erin Mulder", Role.EMPLOYEE, "ICT", "town-hall", TestServer.PASSWORD)));
        String carol = server.login("carol");
        for (String id : List.of("desk-4", "desk-5")) {
            assertEquals(201, server.post("/api/v1/resources", carol, Map.of("id", id, "siteId", "town-hall",
                    "floorId", "th-1", "zoneId", "th-1-ict", "type", "desk", "name", "Desk " + id.charAt(5))).status());
        }
        for (int i = 0; i < PEOPLE.size(); i++) {
            String token = server.login(PEOPLE.get(i));
            TestServer.Response booked = server.post("/api/v1/bookings", token,
                    Map.of("resourceId", "desk-" + (i + 1), "date", "2026-11-23", "part", "day"));
            assertEquals(201, booked.status(), booked.body());
            if (i < 3) {
                long id = booked.json().get("id").asLong();
                assertEquals(200, server.post("/api/v1/bookings/" + id + "/check-in", token, Map.of()).status());
                awaitState(server, "desk-" + (i + 1), "in-use");
            }
        }
        long tuesday = server.post("/api/v1/bookings", server.login("alice"),
                Map.of("resourceId", "desk-1", "date", "2026-11-24", "part", "day")).json().get("id").asLong();
        at(server, MONDAY, "09:30");
        at(server, MONDAY, "18:00");
        at(server, MONDAY.plusDays(1), "08:00");
        assertEquals(200, server.post("/api/v1/bookings/" + tuesday + "/check-in", server.login("alice"), Map.of()).status());
        awaitState(server, "desk-1", "in-use");
        at(server, MONDAY.plusDays(1), "18:00");
        at(server, MONDAY.plusDays(2), "08:00");
    }

    private static List<String> lines(TestServer.Response res) {
        assertEquals(200, res.status(), res.body());
        assertTrue(res.contentType().startsWith("text/csv"), res.contentType());
        assertTrue(res.header("Content-Disposition").startsWith("attachment; filename="));
        assertTrue(res.body().endsWith("\r\n"));
        return List.of(res.body().split("\r\n"));
    }

    @Test
    void dayFiguresArePerSiteAndSmallGroupsAreWithheld() {
        try (TestServer server = TestServer.start()) {
            playTwoDays(server);
            // Asking up to today (Wednesday) gives only the complete days.
            List<String> lines = lines(server.get("/api/v1/open-data/occupancy.csv?from=2026-11-23&to=2026-11-25", null));
            assertEquals(List.of(
                    "site_id,site_name,date,bookings,checked_in,no_shows,average_occupancy_percent,suppressed",
                    "berlin-office,Berlin office,2026-11-23,,,,,true",
                    "berlin-office,Berlin office,2026-11-24,,,,,true",
                    // Six workplaces (five desks, a room) for ten hours; three desks in use all day: 50%.
                    "town-hall,Town hall,2026-11-23,5,3,2,50,false",
                    "town-hall,Town hall,2026-11-24,,,,,true"), lines);
        }
    }

    @Test
    void hourFiguresWithholdEveryHourWithFewerThanFiveBookings() {
        try (TestServer server = TestServer.start()) {
            playTwoDays(server);
            List<String> lines = lines(server.get("/api/v1/open-data/occupancy.csv?from=2026-11-23&to=2026-11-23"
                    + "&granularity=hour", null));
            assertEquals("site_id,site_name,date,hour,bookings,checked_in,no_shows,average_occupancy_percent,suppressed",
                    lines.get(0));
            assertTrue(lines.contains("town-hall,Town hall,2026-11-23,08:00,5,3,2,50,false"), lines.toString());
            assertTrue(lines.contains("town-hall,Town hall,2026-11-23,09:00,5,3,2,50,false"),
                    "the no-shows hold their desks until 09:30");
            assertTrue(lines.contains("town-hall,Town hall,2026-11-23,10:00,,,,,true"), "three bookings are too few");
            assertEquals(1 + 12 + 10, lines.size(), "Berlin is open 07:00-19:00, the town hall 08:00-18:00");
        }
    }

    @Test
    void openDataHoldsNoPersonalDataAndNoResourceIds() {
        try (TestServer server = TestServer.start()) {
            playTwoDays(server);
            for (String granularity : List.of("day", "hour")) {
                String csv = server.get("/api/v1/open-data/occupancy.csv?from=2026-11-23&to=2026-11-24&granularity="
                        + granularity, null).body().toLowerCase(Locale.ROOT);
                for (String name : List.of("alice", "jansen", "bob", "de vries", "carol", "bakker", "dave", "smit",
                        "erin", "mulder", "ict", "desk", "room", "maas", "ecar", "ebike", "pir-", "cnt-", "th-1")) {
                    assertFalse(csv.contains(name), granularity + " open data mentions '" + name + "':\n" + csv);
                }
            }
        }
    }

    @Test
    void theMinimumGroupIsConfigurable() {
        try (TestServer server = TestServer.start(Map.of("flexplek.insights.open-data-min-group", "1"))) {
            playTwoDays(server);
            List<String> lines = lines(server.get("/api/v1/open-data/occupancy.csv?from=2026-11-24&to=2026-11-24", null));
            assertEquals("town-hall,Town hall,2026-11-24,1,1,0,16.7,false", lines.get(2), "one of six workplaces all day");
            assertEquals("berlin-office,Berlin office,2026-11-24,,,,,true", lines.get(1), "no bookings at all");
        }
    }
}
