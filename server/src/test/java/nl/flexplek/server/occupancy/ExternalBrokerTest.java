package nl.flexplek.server.occupancy;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;

import nl.flexplek.server.testing.TestServer;
import nl.flexplek.testing.Mosquitto;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** In production a real broker carries the sensors; the server rides out its restarts without one of its own. */
@Tag("broker")
class ExternalBrokerTest {

    private static String state(TestServer server, String resourceId) {
        return server.app().occupancy().resource(resourceId).map(s -> s.state().code()).orElse("unknown");
    }

    @Test
    void sensorsReachTheServerThroughMosquittoAndIngestResumesAfterTheBrokerRestarts() {
        try (Mosquitto mosquitto = Mosquitto.start();
             TestServer server = TestServer.start(Map.of("flexplek.mqtt.url", mosquitto.url(),
                     "flexplek.mqtt.client-id", "flexplek-test"))) {
            assertTrue(server.app().embeddedBrokerPort().isEmpty(), "no embedded broker when a URL is configured");
            await().atMost(Duration.ofSeconds(10)).until(() -> server.app().mqttConnected());
            TestServer.publish(mosquitto.url(), "flexplek/sensors/pir-desk-2/state", "{\"occupied\": true}");
            await().atMost(Duration.ofSeconds(10)).until(() -> state(server, "desk-2").equals("walk-in"));

            mosquitto.kill();
            await().atMost(Duration.ofSeconds(10)).until(() -> server.get("/observe/health/ready", null).status() == 503);
            assertTrue(server.get("/observe/health/ready", null).body().contains("\"mqtt\""));
            assertEquals(200, server.get("/observe/health/live", null).status(), "liveness does not depend on the broker");
            String alice = server.login("alice");
            assertEquals(201, server.post("/api/v1/bookings", alice,
                    Map.of("resourceId", "desk-3", "date", "2026-11-24", "part", "day")).status(),
                    "bookings go on without the broker");

            long restarted = System.nanoTime();
            mosquitto.startAgain();
            await().atMost(Duration.ofSeconds(20)).until(() -> server.app().mqttConnected());
            System.out.printf("Reconnected %d ms after the broker came back%n", (System.nanoTime() - restarted) / 1_000_000);
            assertEquals(200, server.get("/observe/health/ready", null).status());
            TestServer.publish(mosquitto.url(), "v3/flexplek@ttn/devices/veh-ecar-1/up",
                    "{\"end_device_ids\": {\"device_id\": \"veh-ecar-1\"}, \"uplink_message\": "
                            + "{\"decoded_payload\": {\"present\": false, \"plugged\": false, \"soc\": 40}}}");
            await().atMost(Duration.ofSeconds(10)).until(() -> state(server, "ecar-1").equals("away"));
        }
    }
}
