package nl.flexplek.server.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import nl.flexplek.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Broken or hostile input gets a clear problem+json answer: never a 500, never a stack trace. */
class BadInputTest {
    private static TestServer server;
    private static String alice;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        alice = server.login("alice");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static JsonNode assertProblem(TestServer.Response res, int status) {
        assertEquals(status, res.status(), res.body());
        assertEquals("application/problem+json", res.contentType());
        JsonNode problem = res.json();
        assertEquals(status, problem.get("status").asInt());
        assertTrue(problem.get("type").asText().startsWith("https://flexplek.nl/problems/"));
        assertNotNull(problem.get("title"));
        assertNotNull(problem.get("detail"));
        for (String leak : List.of("Exception", "at nl.", "at io.", "SQL", "jackson")) {
            assertFalse(res.body().contains(leak), "leaks '" + leak + "': " + res.body());
        }
        return problem;
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{", "[]", "null", "42", "\"desk\"", "{\"resourceId\": 12}", "{\"resourceId\": \"desk-1\", \"date\": \"tomorrow\"}",
            "{\"resourceId\": \"desk-1\", \"date\": \"2026-11-24\", \"part\": \"evening\"}",
            "{\"resourceId\": \"desk-1\", \"date\": \"2026-11-24\", \"part\": \"day\", \"extra\": true}",
            "{\"resourceId\": \"desk-1\", \"resourceId\": \"desk-2\"}",
            "{\"resourceId\": \"desk-1\", \"start\": \"2026-11-24T10:00:00\", \"end\": \"2026-11-24T11:00:00\"}",
            "{\"resourceId\": \"room-1\", \"start\": \"2026-11-24T11:00:00+01:00\", \"end\": \"2026-11-24T10:00:00+01:00\"}",
            "{\"resourceId\": \"room-1\", \"start\": \"2026-11-24T10:00:00+01:00\", \"end\": \"2026-11-24T11:00:00+01:00\", \"attendees\": 1.5}",
            "{\"resourceId\": \"room-1\", \"start\": \"2026-11-24T10:00:00+01:00\", \"end\": \"2026-11-24T11:00:00+01:00\", \"attendees\": -3}",
            "{\"resourceId\": \"no-such-desk\", \"date\": \"2026-11-24\", \"part\": \"day\"}",
            "{\"resourceId\": \"desk-1\"}",
            "{\"resourceId\": \"\"}",
            "{} trailing"
    })
    void aMalformedBookingIsA400(String body) {
        assertProblem(server.raw("POST", "/api/v1/bookings", alice, "application/json", body.getBytes(StandardCharsets.UTF_8)), 400);
    }

    @Test
    void fieldErrorsNameTheField() {
        JsonNode problem = assertProblem(server.raw("POST", "/api/v1/bookings", alice, "application/json",
                "{\"resourceId\": \"desk-1\", \"date\": \"2026-13-45\", \"part\": \"day\"}".getBytes(StandardCharsets.UTF_8)), 400);
        assertEquals("date", problem.get("errors").get(0).get("name").asText());
    }

    @Test
    void deeplyNestedOrHugeBodiesAreRefused() {
        String nested = "{\"resourceId\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
        assertProblem(server.raw("POST", "/api/v1/bookings", alice, "application/json", nested.getBytes(StandardCharsets.UTF_8)), 400);
        byte[] huge = ("{\"resourceId\":\"" + "x".repeat(3 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        TestServer.Response res = server.raw("POST", "/api/v1/bookings", alice, "application/json", huge);
        assertEquals(413, res.status());
    }

    @Test
    void aBodyThatIsNotJsonIsA415() {
        assertProblem(server.raw("POST", "/api/v1/bookings", alice, "text/plain", "resourceId=desk-1".getBytes()), 415);
        assertProblem(server.raw("POST", "/api/v1/bookings", alice, null, "{}".getBytes()), 415);
    }

    @Test
    void badQueryParametersAre400() {
        assertProblem(server.get("/api/v1/availability?siteId=town-hall", alice), 400);
        assertProblem(server.get("/api/v1/availability?siteId=town-hall&type=spaceship&date=2026-11-24", alice), 400);
        assertProblem(server.get("/api/v1/availability?siteId=town-hall&type=desk&date=24-11-2026", alice), 400);
        assertProblem(server.get("/api/v1/availability?siteId=town-hall&type=room&start=2026-11-24T10:00:00%2B01:00", alice), 400);
        assertProblem(server.get("/api/v1/availability?siteId=atlantis&type=desk&date=2026-11-24", alice), 400);
        assertProblem(server.get("/api/v1/availability?siteId=town-hall&type=desk&date=2026-11-24&features=jacuzzi", alice), 400);
        assertProblem(server.get("/api/v1/bookings?limit=0", alice), 400);
        assertProblem(server.get("/api/v1/bookings?limit=lots", alice), 400);
        assertProblem(server.get("/api/v1/bookings?from=yesterday", alice), 400);
        assertProblem(server.get("/api/v1/bookings?status=maybe", alice), 400);
    }

    @Test
    void unknownThingsAre404AndTrailingSlashesAreNotRedirected() {
        assertProblem(server.get("/api/v1/bookings/999999", alice), 404);
        assertProblem(server.get("/api/v1/bookings/not-a-number", alice), 404);
        assertProblem(server.get("/api/v1/sites/atlantis", alice), 404);
        assertProblem(server.get("/api/v1/resources/nothing", alice), 404);
        assertProblem(server.get("/api/v1/no-such-thing", alice), 404);
        TestServer.Response slash = server.get("/api/v1/sites/", alice);
        assertProblem(slash, 404);
        assertEquals(null, slash.header("Location"));
    }

    @Test
    void badEstateDocumentsAre400WithTheField() {
        String carol = server.login("carol");
        JsonNode problem = assertProblem(server.post("/api/v1/resources", carol,
                Map.of("id", "Desk 10!", "siteId", "town-hall", "type", "desk", "name", "Desk 10")), 400);
        assertTrue(problem.get("detail").asText().contains("resource id"), problem.toString());
        assertProblem(server.post("/api/v1/resources", carol,
                Map.of("id", "desk-10", "siteId", "town-hall", "type", "desk", "name", "Desk 10", "features", List.of("jacuzzi"))), 400);
        assertProblem(server.post("/api/v1/resources", carol,
                Map.of("id", "desk-10", "siteId", "nowhere", "type", "desk", "name", "Desk 10")), 400);
        assertProblem(server.post("/api/v1/resources", carol,
                Map.of("id", "room-2", "siteId", "town-hall", "type", "room", "name", "Room without capacity")), 400);
        assertProblem(server.put("/api/v1/sites/town-hall", carol,
                Map.of("id", "town-hall", "name", "Town hall", "timeZone", "Mars/Olympus")), 400);
        assertProblem(server.put("/api/v1/sites/other-id", carol,
                Map.of("id", "town-hall", "name", "Town hall", "timeZone", "Europe/Amsterdam")), 400);
        assertProblem(server.raw("POST", "/api/v1/estate/imports", carol, "application/yaml",
                "sites: [ {id: x, name: X, timeZone: Europe/Amsterdam, openingHours: [{day: funday, opens: '8', closes: '9'}]} ]"
                        .getBytes(StandardCharsets.UTF_8)), 400);
        assertProblem(server.post("/api/v1/resources", carol,
                Map.of("id", "desk-11", "siteId", "town-hall", "type", "desk", "name", "Desk 11", "sensorId", "pir-desk-1")), 409);
    }

    @Test
    void aMissingOrWrongLoginBodyIsA400Not500() {
        assertProblem(server.raw("POST", "/api/v1/sessions", null, "application/json", "{}".getBytes()), 400);
        assertProblem(server.raw("POST", "/api/v1/sessions", null, "application/json",
                "{\"username\": [\"a\"], \"password\": \"b\"}".getBytes()), 400);
        assertProblem(server.raw("POST", "/api/v1/sessions", null, "application/json", new byte[0]), 400);
    }
}
