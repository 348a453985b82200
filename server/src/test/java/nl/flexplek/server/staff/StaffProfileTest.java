package nl.flexplek.server.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import nl.flexplek.server.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The staff app's "me": who I am, my choice to be findable, and the desk I usually book. */
class StaffProfileTest {
    private TestServer server;

    @BeforeEach
    void start() {
        server = TestServer.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private JsonNode me(String token) {
        TestServer.Response res = server.get("/api/v1/me", token);
        assertEquals(200, res.status(), res.body());
        return res.json();
    }

    private void book(String token, String desk, String date) {
        TestServer.Response res = server.post("/api/v1/bookings", token, Map.of("resourceId", desk, "date", date, "part", "morning"));
        assertEquals(201, res.status(), res.body());
    }

    private static Set<String> fields(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void meShowsWhoIAmWithEveryMemberAndNotFindableByDefault() {
        JsonNode me = me(server.login("alice"));
        assertEquals(Set.of("username", "displayName", "role", "department", "homeSiteId", "findableByTeam", "usualDesk"), fields(me));
        assertEquals("alice", me.get("username").asText());
        assertEquals("Alice Jansen", me.get("displayName").asText());
        assertEquals("employee", me.get("role").asText());
        assertEquals("ICT", me.get("department").asText());
        assertEquals("town-hall", me.get("homeSiteId").asText());
        assertFalse(me.get("findableByTeam").asBoolean());
        assertTrue(me.get("usualDesk").isNull());

        JsonNode carol = me(server.login("carol"));
        assertEquals("facility-manager", carol.get("role").asText());
    }

    @Test
    void theUsualDeskIsTheOneBookedOnMostDaysOfTheLastEightWeeksAndAtLeastThree() {
        String alice = server.login("alice");
        book(alice, "desk-3", "2026-11-24");
        book(alice, "desk-3", "2026-11-25");
        book(alice, "desk-1", "2026-11-26");
        book(alice, "desk-1", "2026-11-27");
        assertTrue(me(alice).get("usualDesk").isNull(), "bookings still to come do not count");

        // A week later: desk-3 and desk-1 on two days each, not enough for either.
        server.clock.set(Instant.parse("2026-11-30T07:00:00Z"));
        alice = server.login("alice");
        assertTrue(me(alice).get("usualDesk").isNull(), "two days are not a habit");

        // A third day for desk-1; and a cancelled third day for desk-3, which does not count.
        book(alice, "desk-1", "2026-12-01");
        book(alice, "desk-3", "2026-12-02");
        long cancelled = server.get("/api/v1/bookings?resourceId=desk-3&from=2026-12-02T00:00:00Z", alice)
                .json().get("bookings").get(0).get("id").asLong();
        assertEquals(204, server.delete("/api/v1/bookings/" + cancelled, alice).status());
        server.clock.set(Instant.parse("2026-12-03T07:00:00Z"));
        alice = server.login("alice");
        JsonNode usual = me(alice).get("usualDesk");
        assertEquals(Set.of("resourceId", "name", "siteId", "floorId", "zoneId"), fields(usual));
        assertEquals("desk-1", usual.get("resourceId").asText());
        assertEquals("Desk 1", usual.get("name").asText());
        assertEquals("town-hall", usual.get("siteId").asText());
        assertEquals("th-1", usual.get("floorId").asText());
        assertEquals("th-1-ict", usual.get("zoneId").asText());

        // Bob's habits are his own.
        assertTrue(me(server.login("bob")).get("usualDesk").isNull());

        // Eight weeks on, the first of desk-1's days drops out of the window, and with it the habit.
        server.clock.set(Instant.parse("2026-11-26T07:00:00Z").plus(Duration.ofDays(8 * 7)));
        assertEquals("desk-1", me(server.login("alice")).get("usualDesk").get("resourceId").asText());
        server.clock.advance(Duration.ofDays(1));
        assertTrue(me(server.login("alice")).get("usualDesk").isNull());
    }

    @Test
    void preferencesAreSavedAndAnsweredAsTheProfile() {
        String alice = server.login("alice");
        TestServer.Response on = server.put("/api/v1/me/preferences", alice, Map.of("findableByTeam", true));
        assertEquals(200, on.status(), on.body());
        assertTrue(on.json().get("findableByTeam").asBoolean());
        assertEquals(me(alice), on.json(), "the same body as GET /me");
        assertFalse(me(server.login("bob")).get("findableByTeam").asBoolean(), "only hers");

        TestServer.Response off = server.put("/api/v1/me/preferences", alice, Map.of("findableByTeam", false));
        assertEquals(200, off.status());
        assertFalse(me(alice).get("findableByTeam").asBoolean());
    }

    @Test
    void preferencesWithWrongTypesOrFieldsAreABadRequest() {
        String alice = server.login("alice");
        for (String body : List.of("{\"findableByTeam\": \"yes\"}", "{\"findableByTeam\": \"true\"}", "{\"findableByTeam\": 1}",
                "{\"findableByTeam\": null}", "{}", "{\"findableByTeam\": true, \"shareEverything\": true}",
                "[true]", "true", "{\"findableByTeam\": tru")) {
            TestServer.Response res = server.raw("PUT", "/api/v1/me/preferences", alice, "application/json",
                    body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertEquals(400, res.status(), body + " -> " + res.body());
            assertEquals("application/problem+json", res.contentType());
            assertEquals("https://flexplek.nl/problems/invalid-request", res.json().get("type").asText());
        }
        TestServer.Response typed = server.put("/api/v1/me/preferences", alice, Map.of("findableByTeam", "yes"));
        assertEquals("findableByTeam", typed.json().get("errors").get(0).get("name").asText());
        TestServer.Response form = server.raw("PUT", "/api/v1/me/preferences", alice, "text/plain",
                "findableByTeam=true".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(415, form.status());
        assertFalse(me(alice).get("findableByTeam").asBoolean(), "nothing was changed");
    }

    @Test
    void kiosksAreTurnedAwayAndNobodyWithoutAToken() {
        String kiosk = server.login("kiosk-town-hall");
        assertEquals(403, server.get("/api/v1/me", kiosk).status());
        assertEquals(403, server.put("/api/v1/me/preferences", kiosk, Map.of("findableByTeam", true)).status());
        assertEquals(403, server.get("/api/v1/colleagues/today", kiosk).status());
        assertEquals(401, server.get("/api/v1/me", null).status());
        assertEquals(401, server.put("/api/v1/me/preferences", null, Map.of("findableByTeam", true)).status());
        assertEquals(401, server.get("/api/v1/colleagues/today", null).status());
    }
}
