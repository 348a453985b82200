package nl.flexplek.server.occupancy;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import nl.flexplek.server.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Sensors feed the live state through the embedded broker: walk-ins, check-in by sustained presence, no-show and
 * early release, offline and low-battery sensors, vehicles. Time moves by the test's clock, never by waiting.
 */
@Tag("slow")
class LiveOccupancyTest {
    private TestServer server;

    @BeforeEach
    void start() {
        server = TestServer.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> server.app().mqttConnected());
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

    private void later(Duration duration) {
        server.clock.advance(duration);
        server.app().occupancy().tick();
    }

    @Test
    void someoneSittingAtAFreeDeskIsAWalkInUntilTheHoldTimeAfterTheLastMotion() {
        assertEquals("offline", state("desk-2"), "a sensor never heard from is offline");
        assertEquals("free", state("desk-3"), "a desk without a sensor is free");
        server.sensor("pir-desk-2", "{\"occupied\": true, \"battery\": 90}");
        awaitState("desk-2", "walk-in");
        server.sensor("pir-desk-2", "{\"occupied\": false}");
        later(Duration.ofMinutes(10));
        assertEquals("walk-in", state("desk-2"), "a desk stays occupied for 15 minutes after the last motion");
        later(Duration.ofMinutes(6));
        assertEquals("free", state("desk-2"));
    }

    @Test
    void sustainedPresenceChecksTheBookingInButOneBlipDoesNot() {
        String alice = server.login("alice");
        String bob = server.login("bob");
        long aliceDesk = server.post("/api/v1/bookings", alice,
                Map.of("resourceId", "desk-1", "date", "2026-11-23", "part", "day")).json().get("id").asLong();
        long bobDesk = server.post("/api/v1/bookings", bob,
                Map.of("resourceId", "desk-2", "date", "2026-11-23", "part", "day")).json().get("id").asLong();
        awaitState("desk-1", "booked");
        assertEquals("offline", server.app().occupancy().resource("desk-1").orElseThrow().sensor().status().code(),
                "the sensor was never heard, but the booking is known");

        server.sensor("pir-desk-1", "{\"occupied\": true}");
        server.sensor("pir-desk-2", "{\"occupied\": true}");
        server.sensor("pir-desk-2", "{\"occupied\": false}");
        awaitState("desk-1", "in-use");
        awaitState("desk-2", "in-use");
        later(Duration.ofMinutes(6));

        JsonNode aliceBooking = server.get("/api/v1/bookings/" + aliceDesk, server.login("alice")).json();
        assertEquals("checked-in", aliceBooking.get("status").asText());
        assertEquals("sensor", aliceBooking.get("checkInMethod").asText());
        assertEquals("confirmed", server.get("/api/v1/bookings/" + bobDesk, server.login("bob")).json().get("status").asText(),
                "one blip is not an arrival");

        // Bob never really came. His day booking started at opening time, 08:00, but people arrive up to 09:00:
        // the grace period counts from 09:00, so at 08:31 his desk is still his...
        later(Duration.ofMinutes(25));
        assertEquals("confirmed", server.get("/api/v1/bookings/" + bobDesk, server.login("bob")).json().get("status").asText());
        // ...and at 09:31 it is released, and he can see why. (His desk's sensor reports now and then.)
        server.clock.advance(Duration.ofMinutes(30));
        server.sensor("pir-desk-2", "{\"occupied\": false}");
        await().atMost(Duration.ofSeconds(10)).until(() -> server.app().occupancy().sensors().stream()
                .anyMatch(s -> s.id().equals("pir-desk-2") && server.clock.instant().equals(s.lastSeen())));
        later(Duration.ofMinutes(30));
        JsonNode bobBooking = server.get("/api/v1/bookings/" + bobDesk, server.login("bob")).json();
        assertEquals("no-show", bobBooking.get("status").asText());
        assertEquals("no-show", bobBooking.get("releaseReason").asText());
        assertEquals("free", state("desk-2"));
        assertEquals("in-use", state("desk-1"));
    }

    @Test
    void aRoomNobodyCameToIsReleasedTenMinutesAfterItsStartAndTheOrganiserSeesIt() {
        String alice = server.login("alice");
        long meeting = server.post("/api/v1/bookings", alice, Map.of("resourceId", "room-1",
                "start", "2026-11-23T09:00:00+01:00", "end", "2026-11-23T10:00:00+01:00")).json().get("id").asLong();
        server.sensor("cnt-room-1", "{\"count\": 0}");
        awaitState("room-1", "free");
        server.clock.advance(Duration.ofMinutes(60));
        server.sensor("cnt-room-1", "{\"count\": 0}");
        awaitState("room-1", "booked");
        later(Duration.ofMinutes(9));
        assertEquals("booked", state("room-1"), "still inside the grace period");
        later(Duration.ofMinutes(2));
        assertEquals("free", state("room-1"));
        JsonNode mine = server.get("/api/v1/bookings?from=2026-11-23T00:00:00Z&status=no-show", server.login("alice")).json();
        assertEquals(1, mine.get("bookings").size());
        assertEquals(meeting, mine.get("bookings").get(0).get("id").asLong());
        assertTrue(mine.get("bookings").get(0).has("releasedAt"));
    }

    @Test
    void aCheckedInDeskLeftEmptyForTwoHoursIsReleasedEarly() {
        String alice = server.login("alice");
        long id = server.post("/api/v1/bookings", alice,
                Map.of("resourceId", "desk-1", "date", "2026-11-23", "part", "day")).json().get("id").asLong();
        assertEquals(200, server.post("/api/v1/bookings/" + id + "/check-in", alice, Map.of()).status());
        server.sensor("pir-desk-1", "{\"occupied\": true}");
        server.sensor("pir-desk-1", "{\"occupied\": false}");
        awaitState("desk-1", "in-use");
        // The sensor keeps sending heartbeats, so it is known to be alive while the desk stays empty.
        for (int i = 0; i < 3; i++) {
            server.clock.advance(Duration.ofMinutes(30));
            server.sensor("pir-desk-1", "{\"battery\": 80}");
            await().atMost(Duration.ofSeconds(10)).until(() -> server.app().occupancy().sensors().stream()
                    .anyMatch(s -> s.id().equals("pir-desk-1") && server.clock.instant().equals(s.lastSeen())));
            server.app().occupancy().tick();
        }
        assertFalse(server.get("/api/v1/bookings/" + id, server.login("alice")).json().has("releaseReason"),
                "after an hour and a half it is still hers");
        later(Duration.ofMinutes(30));
        JsonNode booking = server.get("/api/v1/bookings/" + id, server.login("alice")).json();
        assertEquals("left-empty", booking.get("releaseReason").asText());
        assertEquals("2026-11-23T10:00:00+01:00", booking.get("end").asText());
        assertEquals("free", state("desk-1"));
    }

    @Test
    void aSilentSensorGoesOfflineAndALowBatteryIsReported() {
        server.sensor("pir-desk-2", "{\"occupied\": false, \"battery\": 15}");
        awaitState("desk-2", "free");
        String manager = server.login("carol");
        JsonNode sensors = server.get("/api/v1/sensors", manager).json().get("sensors");
        JsonNode desk2 = find(sensors, "pir-desk-2");
        assertEquals("low-battery", desk2.get("status").asText());
        assertEquals("desk-2", desk2.get("resourceId").asText());
        assertEquals("town-hall", desk2.get("siteId").asText());
        later(Duration.ofMinutes(61));
        assertEquals("offline", state("desk-2"));
        assertEquals("offline", find(server.get("/api/v1/sensors", server.login("carol")).json().get("sensors"),
                "pir-desk-2").get("status").asText());
    }

    @Test
    void anUnknownSensorIsListedUnassignedAndLoRaWanDevicesMapByDeviceId() {
        server.sensor("mystery-7", "{\"occupied\": true}");
        server.publish("v3/flexplek@ttn/devices/pir-desk-2/up", """
                {"end_device_ids": {"device_id": "pir-desk-2", "dev_eui": "24E124538B223213"},
                 "uplink_message": {"decoded_payload": {"battery": 95, "pir": "trigger"}}}""");
        awaitState("desk-2", "walk-in");
        String manager = server.login("carol");
        await().atMost(Duration.ofSeconds(10)).until(() ->
                server.get("/api/v1/sensors", manager).body().contains("mystery-7"));
        JsonNode mystery = find(server.get("/api/v1/sensors", manager).json().get("sensors"), "mystery-7");
        assertNull(mystery.get("resourceId"));
        assertEquals("presence", mystery.get("kind").asText());
        // ChirpStack: an Elsys ERS Eye known by its device name.
        server.publish("application/a1/device/a81758fffe0312ab/event/up", """
                {"deviceInfo": {"deviceName": "cnt-room-1", "devEui": "a81758fffe0312ab"},
                 "object": {"region_1_count": 3, "region_2_count": 1}}""");
        awaitState("room-1", "walk-in");
    }

    @Test
    void aVehicleOnATripIsAwayAndComesBackWithLessCharge() {
        server.sensor("veh-ecar-1", "{\"present\": true, \"plugged\": true, \"soc\": 92}");
        awaitState("ecar-1", "free");
        server.sensor("veh-ecar-1", "{\"present\": false, \"plugged\": false, \"soc\": 90}");
        awaitState("ecar-1", "away");
        server.sensor("veh-ecar-1", "{\"present\": true, \"plugged\": true, \"soc\": 61, \"odometerKm\": 20417.5}");
        awaitState("ecar-1", "free");
        JsonNode car = find(server.get("/api/v1/sites/town-hall/occupancy", server.login("alice")).json().get("resources"), "ecar-1");
        assertEquals(61, car.get("soc").asInt());
        assertTrue(car.get("plugged").asBoolean());
    }

    @Test
    void brokenMessagesAreCountedAndTheIngestGoesOn() {
        server.sensor("pir-desk-2", "this is not json");
        server.sensor("pir-desk-2", "{\"count\": -4}");
        server.sensor("pir-desk-2", "{\"temperature\": 20}");
        server.sensor("pir-desk-2", "{\"occupied\": true}");
        awaitState("desk-2", "walk-in");
        String metrics = server.get("/observe/metrics", null).body();
        assertTrue(metrics.contains("flexplek_mqtt_rejected_total{reason=\"not-json\""), metrics);
        assertTrue(metrics.contains("flexplek_mqtt_rejected_total{reason=\"out-of-range\""), metrics);
        assertTrue(metrics.contains("flexplek_mqtt_rejected_total{reason=\"unknown-fields-only\""), metrics);
    }

    @Test
    void stateChangesArePublishedAsSiteEventsAndStoredCompactly() throws Exception {
        List<SiteEvent> heard = new CopyOnWriteArrayList<>();
        try (AutoCloseable subscription = server.app().siteEvents().subscribe(heard::add)) {
            for (int i = 0; i < 5; i++) {
                server.sensor("pir-desk-2", "{\"occupied\": true}");
            }
            awaitState("desk-2", "walk-in");
            later(Duration.ofMinutes(1));
            await().atMost(Duration.ofSeconds(10)).until(() -> heard.stream()
                    .anyMatch(e -> e.resource().resourceId().equals("desk-2") && e.resource().state() == ResourceState.WALK_IN));
            assertEquals("town-hall", heard.getFirst().siteId());
            assertFalse(heard.stream().anyMatch(e -> e.resource().resourceId().equals("desk-3")));
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + server.databaseFile());
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT count(*) FROM occupancy_change WHERE resource_id = 'desk-2' AND state = 'walk-in'")) {
            assertEquals(1, rs.getInt(1), "five messages, one change");
        }
    }

    @Test
    void aKioskReadsItsOwnSitesOccupancyOnlyAndOnlyManagersListSensors() {
        String kiosk = server.login("kiosk-town-hall");
        assertEquals(200, server.get("/api/v1/sites/town-hall/occupancy", kiosk).status());
        assertEquals(403, server.get("/api/v1/sites/berlin-office/occupancy", kiosk).status());
        assertEquals(403, server.get("/api/v1/sensors", kiosk).status());
        assertEquals(403, server.get("/api/v1/sensors", server.login("alice")).status());
        assertEquals(401, server.get("/api/v1/sites/town-hall/occupancy", null).status());
        JsonNode occupancy = server.get("/api/v1/sites/town-hall/occupancy", kiosk).json();
        assertEquals(6, occupancy.get("resources").size());
        assertFalse(occupancy.toString().contains("alice"));
    }

    @Test
    void healthShowsMqttAsReadiness() {
        TestServer.Response health = server.get("/observe/health/ready", null);
        assertEquals(200, health.status(), health.body());
        assertTrue(health.body().contains("mqtt"), health.body());
    }

    private static JsonNode find(JsonNode array, String id) {
        for (JsonNode node : array) {
            if (node.path("id").asText().equals(id) || node.path("resourceId").asText().equals(id)) {
                return node;
            }
        }
        throw new AssertionError(id + " not in " + array);
    }
}
