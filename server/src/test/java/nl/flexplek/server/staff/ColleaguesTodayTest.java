package nl.flexplek.server.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import nl.flexplek.server.identity.NewAccount;
import nl.flexplek.server.identity.Role;
import nl.flexplek.server.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Alice looks where her team sits today. She sees teammates who chose to be findable and their desk today, and
 * nothing else: not who opted out, not other departments, not other days, no times.
 */
class ColleaguesTodayTest {
    private TestServer server;

    @BeforeEach
    void start() {
        server = TestServer.start();
        server.app().identity().ensureAccounts(List.of(
                new NewAccount("dave", "Dave Visser", Role.EMPLOYEE, "ICT", "town-hall", TestServer.PASSWORD),
                new NewAccount("erin", "Erin Smit", Role.EMPLOYEE, "Finance", "town-hall", TestServer.PASSWORD),
                new NewAccount("frank", "Frank Mulder", Role.EMPLOYEE, null, "town-hall", TestServer.PASSWORD),
                new NewAccount("gina", "Gina Bos", Role.EMPLOYEE, null, "berlin-office", TestServer.PASSWORD)));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private void findable(String token, boolean findable) {
        assertEquals(200, server.put("/api/v1/me/preferences", token, Map.of("findableByTeam", findable)).status());
    }

    private long book(String token, String desk, String date, String part) {
        TestServer.Response res = server.post("/api/v1/bookings", token, Map.of("resourceId", desk, "date", date, "part", part));
        assertEquals(201, res.status(), res.body());
        return res.json().get("id").asLong();
    }

    private List<String> seen(String token) {
        TestServer.Response res = server.get("/api/v1/colleagues/today", token);
        assertEquals(200, res.status(), res.body());
        List<String> out = new ArrayList<>();
        res.json().forEach(c -> out.add(c.get("displayName").asText() + "@" + c.get("resourceId").asText() + "/" + c.get("part").asText()));
        return out;
    }

    @Test
    void aliceSeesOnlyFindableTeammatesAtTheirDeskToday() {
        String alice = server.login("alice");
        String bob = server.login("bob");
        String dave = server.login("dave");
        String erin = server.login("erin");

        findable(bob, true);
        findable(erin, true);
        findable(alice, true);
        book(bob, "desk-1", "2026-11-23", "morning");
        book(bob, "desk-2", "2026-11-23", "afternoon");
        book(bob, "desk-1", "2026-11-24", "day");             // tomorrow: not today's business
        book(dave, "desk-3", "2026-11-23", "day");            // same team, never opted in
        book(erin, "b-desk-1", "2026-11-23", "day");          // findable, but Finance
        book(alice, "desk-3", "2026-11-24", "day");

        TestServer.Response res = server.get("/api/v1/colleagues/today", alice);
        assertEquals(200, res.status(), res.body());
        JsonNode list = res.json();
        assertEquals(2, list.size(), list.toString());
        JsonNode morning = list.get(0);
        Set<String> fields = new TreeSet<>();
        morning.fieldNames().forEachRemaining(fields::add);
        assertEquals(Set.of("displayName", "siteId", "siteName", "resourceId", "resourceName", "floorId", "zoneId", "part"),
                fields, "no username, no times, no check-in");
        assertEquals("Bob de Vries", morning.get("displayName").asText());
        assertEquals("town-hall", morning.get("siteId").asText());
        assertEquals("Town hall", morning.get("siteName").asText());
        assertEquals("desk-1", morning.get("resourceId").asText());
        assertEquals("Desk 1", morning.get("resourceName").asText());
        assertEquals("th-1", morning.get("floorId").asText());
        assertEquals("th-1-ict", morning.get("zoneId").asText());
        assertEquals("morning", morning.get("part").asText());
        assertEquals(List.of("Bob de Vries@desk-1/morning", "Bob de Vries@desk-2/afternoon"), seen(alice));

        // Bob sees Alice only on a day she sits here: not today.
        assertEquals(List.of(), seen(bob));
        // Dave, who stays hidden himself, still sees Bob (findable is about being seen).
        assertEquals(List.of("Bob de Vries@desk-1/morning", "Bob de Vries@desk-2/afternoon"), seen(dave));
        // Erin's team is Finance: nobody there has a desk today but her.
        assertEquals(List.of(), seen(erin));
    }

    @Test
    void tomorrowShowsTomorrowsDesksAndACheckedInDeskStaysUntilItIsCancelled() {
        String alice = server.login("alice");
        String bob = server.login("bob");
        findable(bob, true);
        findable(alice, true);
        book(alice, "desk-1", "2026-11-24", "day");
        long bobs = book(bob, "desk-2", "2026-11-24", "day");

        server.clock.set(Instant.parse("2026-11-24T07:50:00Z"));
        alice = server.login("alice");
        bob = server.login("bob");
        assertEquals(List.of("Bob de Vries@desk-2/day"), seen(alice));
        assertEquals(List.of("Alice Jansen@desk-1/day"), seen(bob));
        assertEquals(200, server.post("/api/v1/bookings/" + bobs + "/check-in", bob, Map.of()).status());
        assertEquals(List.of("Bob de Vries@desk-2/day"), seen(alice), "checked in is still his desk today");

        // Bob leaves at noon: his checked-in booking ends early... it still was his desk today.
        server.clock.set(Instant.parse("2026-11-24T11:00:00Z"));
        alice = server.login("alice");
        bob = server.login("bob");
        assertEquals(204, server.delete("/api/v1/bookings/" + bobs, bob).status());
        assertEquals(List.of("Bob de Vries@desk-2/day"), seen(alice));

        // Alice opts out: Bob no longer sees her.
        findable(alice, false);
        assertEquals(List.of(), seen(bob));
    }

    @Test
    void cancelledAndNoShowBookingsAndOptingOutHideTheDesk() {
        String alice = server.login("alice");
        String bob = server.login("bob");
        findable(bob, true);
        long morning = book(bob, "desk-1", "2026-11-23", "morning");
        long afternoon = book(bob, "desk-2", "2026-11-23", "afternoon");
        assertEquals(2, seen(alice).size());

        assertEquals(204, server.delete("/api/v1/bookings/" + afternoon, bob).status());
        assertEquals(List.of("Bob de Vries@desk-1/morning"), seen(alice));

        // Nobody checks in: at 09:30 the morning is released as a no-show.
        server.clock.set(Instant.parse("2026-11-23T08:31:00Z"));
        server.app().bookings().releaseNoShows();
        alice = server.login("alice");
        assertEquals(List.of(), seen(alice), "booking " + morning + " was released");

        bob = server.login("bob");
        book(bob, "desk-3", "2026-11-23", "afternoon");
        assertEquals(List.of("Bob de Vries@desk-3/afternoon"), seen(alice));
        findable(bob, false);
        assertEquals(List.of(), seen(alice));
    }

    @Test
    void someoneWithoutADepartmentHasNoTeammates() {
        String frank = server.login("frank");
        String gina = server.login("gina");
        findable(gina, true);
        book(gina, "b-desk-1", "2026-11-23", "day");
        assertEquals(List.of(), seen(frank), "having no department is not a department");
    }

    @Test
    void aFacilityManagerSeesTheirOwnDepartmentOnly() {
        String alice = server.login("alice");
        String carol = server.login("carol");
        findable(alice, true);
        book(alice, "desk-1", "2026-11-23", "day");
        assertEquals(List.of(), seen(carol), "Carol is in Facilities, Alice in ICT");
    }
}
