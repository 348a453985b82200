package nl.flexplek.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reading the estate and the bookings the way the server's API serves them, from a stand-in HTTP server that answers
 * in the server's shapes (extra fields included, times with the site's offset): log in as the facility manager,
 * read sites and resources, list bookings, log in again when the token expires, and split a window that fills a
 * whole page.
 */
class ServerApiTest {
    private static final Instant DAY = Instant.parse("2026-11-24T00:00:00Z");
    private HttpServer server;
    private final AtomicInteger logins = new AtomicInteger();
    private volatile String validToken = "";
    private volatile int bookingsInStore = 3;
    private volatile int getsPerToken = Integer.MAX_VALUE;
    private final AtomicInteger getsWithToken = new AtomicInteger();

    @BeforeEach
    void startStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v1/sessions", this::login);
        server.createContext("/api/v1/sites", exchange -> authorised(exchange, this::sites));
        server.createContext("/api/v1/resources", exchange -> authorised(exchange, this::resources));
        server.createContext("/api/v1/bookings", exchange -> authorised(exchange, this::bookings));
        server.start();
    }

    @AfterEach
    void stopStandIn() {
        server.stop(0);
    }

    @Test
    void readsTheEstateAndEveryonesBookings_asTheFacilityManager() throws IOException {
        EstateSource api = EstateSource.api(url(), "manager", "demo", new StopSignal());
        Estate estate = api.estate();

        assertEquals(1, logins.get());
        assertEquals(List.of("stadhuis"), estate.sites().stream().map(Site::id).toList());
        Site site = estate.sites().getFirst();
        assertEquals(ZoneId.of("Europe/Amsterdam"), site.timeZone());
        assertTrue(site.hoursOn(java.time.LocalDate.of(2026, 11, 24)).isPresent(), "open on Tuesday");
        assertTrue(site.hoursOn(java.time.LocalDate.of(2026, 12, 25)).isEmpty(), "closed on Christmas Day");
        assertEquals(List.of("pir-sth-1-d001", "cnt-sth-1-r01", "veh-sth-ecar-1"),
                estate.sensed().stream().map(Resource::sensorId).toList(), "only resources with a sensor are played");

        List<Booking> bookings = api.bookings(DAY, DAY.plus(Duration.ofDays(1)));
        assertEquals(3, bookings.size());
        Booking room = bookings.stream().filter(b -> b.resourceType() == ResourceType.ROOM).findFirst().orElseThrow();
        assertEquals(Instant.parse("2026-11-24T09:00:00Z"), room.start(), "10:00+01:00");
        assertEquals(5, room.attendees());
        assertEquals(Booking.Status.CHECKED_IN, room.status());
        assertTrue(bookings.stream().anyMatch(b -> b.status() == Booking.Status.NO_SHOW));
    }

    @Test
    void aRefusedLogin_isReportedClearly_andNotRetried() {
        EstateSource api = EstateSource.api(url(), "manager", "wrong", new StopSignal());
        EstateSource.Unavailable refused = assertThrows(EstateSource.Unavailable.class, api::estate);
        assertTrue(refused.getMessage().contains("refused the login of 'manager'"), refused.getMessage());
        assertEquals(1, logins.get());
    }

    @Test
    void logsInAgain_whenTheTokenHasExpired() throws IOException {
        getsPerToken = 2;
        EstateSource api = EstateSource.api(url(), "manager", "demo", new StopSignal());
        api.estate();
        assertEquals(3, api.bookings(DAY, DAY.plus(Duration.ofDays(1))).size());
        assertEquals(2, logins.get());
    }

    @Test
    void aWindowThatFillsAWholePage_isAskedForInHalves_soNoBookingIsMissed() throws IOException {
        bookingsInStore = 2500;
        EstateSource api = EstateSource.api(url(), "manager", "demo", new StopSignal());
        List<Booking> bookings = api.bookings(DAY, DAY.plus(Duration.ofDays(2)));
        assertEquals(2500, bookings.size());
        assertEquals(2500, bookings.stream().map(Booking::id).distinct().count());
    }

    // ---- the stand-in server ----

    private void login(HttpExchange exchange) throws IOException {
        logins.incrementAndGet();
        JsonNode body = Json.mapper().readTree(exchange.getRequestBody());
        if (body.path("username").asText().equals("manager") && body.path("password").asText().equals("demo")) {
            validToken = "token-" + logins.get();
            getsWithToken.set(0);
            send(exchange, 201, Json.mapper().createObjectNode().put("token", validToken)
                    .put("expiresAt", "2026-11-24T20:00:00Z"));
        } else {
            send(exchange, 401, Json.mapper().createObjectNode().put("type", "https://flexplek.nl/problems/unauthenticated")
                    .put("title", "Not logged in").put("status", 401).put("detail", "Wrong username or password."));
        }
    }

    private interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }

    private void authorised(HttpExchange exchange, Handler handler) throws IOException {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null || !header.equals("Bearer " + validToken) || getsWithToken.incrementAndGet() > getsPerToken) {
            send(exchange, 401, Json.mapper().createObjectNode().put("title", "Not logged in").put("status", 401));
            return;
        }
        handler.handle(exchange);
    }

    private void sites(HttpExchange exchange) throws IOException {
        send(exchange, 200, Json.mapper().readTree("""
                {"sites": [{"id": "stadhuis", "name": "Stadhuis", "address": "Markt 1", "timeZone": "Europe/Amsterdam",
                  "openingHours": [{"day": "monday", "opens": "07:00", "closes": "20:00"},
                                   {"day": "tuesday", "opens": "07:00", "closes": "20:00"},
                                   {"day": "friday", "opens": "07:00", "closes": "20:00"}],
                  "closures": [{"date": "2026-12-25", "reason": "Eerste Kerstdag"}], "floors": []}]}
                """));
    }

    private void resources(HttpExchange exchange) throws IOException {
        send(exchange, 200, Json.mapper().readTree("""
                {"count": 4, "resources": [
                  {"id": "sth-1-d001", "siteId": "stadhuis", "floorId": "sth-1", "zoneId": "sth-1-a", "type": "desk",
                   "name": "Werkplek 1.001", "features": ["standing"], "position": {"x": 4, "y": 4},
                   "sensorId": "pir-sth-1-d001", "inService": true},
                  {"id": "sth-1-d010", "siteId": "stadhuis", "type": "desk", "name": "Werkplek 1.010", "features": [],
                   "inService": true},
                  {"id": "sth-1-r01", "siteId": "stadhuis", "type": "room", "name": "Zaal 1.01", "capacity": 8,
                   "features": ["screen"], "sensorId": "cnt-sth-1-r01", "inService": true},
                  {"id": "sth-ecar-1", "siteId": "stadhuis", "type": "ecar", "name": "E-auto 1", "rangeKm": 320,
                   "features": [], "sensorId": "veh-sth-ecar-1", "inService": true}]}
                """));
    }

    private void bookings(HttpExchange exchange) throws IOException {
        Map<String, String> query = new HashMap<>();
        for (String pair : exchange.getRequestURI().getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            query.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        Instant from = Instant.parse(query.get("from"));
        Instant to = Instant.parse(query.get("to"));
        int limit = Integer.parseInt(query.get("limit"));
        ObjectNode answer = Json.mapper().createObjectNode();
        ArrayNode list = answer.putArray("bookings");
        if (bookingsInStore == 3) {
            list.add(booking(1, "sth-1-d001", "desk", "2026-11-24T07:00:00+01:00", "2026-11-24T20:00:00+01:00", null, "confirmed"));
            list.add(booking(2, "sth-1-r01", "room", "2026-11-24T10:00:00+01:00", "2026-11-24T11:00:00+01:00", 5, "checked-in"));
            list.add(booking(3, "sth-ecar-1", "ecar", "2026-11-24T09:00:00+01:00", "2026-11-24T12:00:00+01:00", null, "no-show"));
        } else {
            // Bookings of a minute each, spread over two days, in start order: the API's first page cuts off.
            for (int i = 0; i < bookingsInStore && list.size() < limit; i++) {
                Instant start = DAY.plusSeconds(i * 60L);
                if (start.isBefore(to) && start.plusSeconds(60).isAfter(from)) {
                    list.add(booking(100 + i, "sth-1-d001", "desk", start.toString(), start.plusSeconds(60).toString(),
                            null, "confirmed"));
                }
            }
        }
        send(exchange, 200, answer);
    }

    private static ObjectNode booking(long id, String resource, String type, String start, String end, Integer attendees,
                                      String status) {
        ObjectNode node = Json.mapper().createObjectNode().put("id", id).put("resourceId", resource)
                .put("resourceName", resource).put("resourceType", type).put("siteId", "stadhuis")
                .put("start", start).put("end", end).put("status", status);
        node.putObject("owner").put("username", "employee7").put("displayName", "Medewerker 7");
        if (attendees != null) {
            node.put("attendees", attendees);
        }
        return node;
    }

    private static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = Json.mapper().writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", status >= 400 ? "application/problem+json" : "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }
}
