package nl.flexplek.server.occupancy;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import nl.flexplek.server.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Looking for an e-car for a trip, Alice sees each car's charge now and what it is expected to be when she picks it
 * up: a plugged-in car gains its configured percent per hour, up to 100; an unplugged one keeps what it has.
 */
class ExpectedChargeTest {
    private TestServer server;
    private String alice;

    @BeforeEach
    void start() {
        server = TestServer.start(Map.of("flexplek.occupancy.charge-percent-per-hour.ecar", "12"));
        alice = server.login("alice");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private void car(String payload, int soc) {
        server.publish("flexplek/sensors/veh-ecar-1/state", payload);
        await().atMost(Duration.ofSeconds(10)).until(() -> server.app().occupancy().resource("ecar-1")
                .map(s -> s.soc() != null && s.soc() == soc).orElse(false));
    }

    /** The availability entry of a vehicle for a trip from 08:00 + hours, one hour long. */
    private JsonNode offered(String type, String id, int hoursFromNow) {
        String start = String.format("2026-11-23T%02d:00:00%%2B01:00", 8 + hoursFromNow);
        String end = String.format("2026-11-23T%02d:00:00%%2B01:00", 9 + hoursFromNow);
        TestServer.Response res = server.get("/api/v1/availability?siteId=town-hall&type=" + type + "&start=" + start + "&end=" + end, alice);
        assertEquals(200, res.status(), res.body());
        for (JsonNode resource : res.json().get("resources")) {
            if (resource.get("id").asText().equals(id)) {
                return resource;
            }
        }
        throw new AssertionError(id + " is not offered: " + res.body());
    }

    @Test
    void aPluggedInCarIsExpectedToGainChargeUntilThePickUpCappedAtAHundred() {
        car("{\"present\": true, \"plugged\": true, \"soc\": 40}", 40);
        JsonNode inThreeHours = offered("ecar", "ecar-1", 3);
        assertEquals(40, inThreeHours.get("soc").asInt());
        assertTrue(inThreeHours.get("plugged").asBoolean());
        assertEquals(40 + 3 * 12, inThreeHours.get("expectedSoc").asInt());
        assertEquals(40, offered("ecar", "ecar-1", 0).get("expectedSoc").asInt(), "a trip starting now gets what is there");

        car("{\"present\": true, \"plugged\": true, \"soc\": 85}", 85);
        assertEquals(100, offered("ecar", "ecar-1", 3).get("expectedSoc").asInt());
    }

    @Test
    void anUnpluggedCarKeepsItsCharge() {
        car("{\"present\": true, \"plugged\": false, \"soc\": 55}", 55);
        JsonNode car = offered("ecar", "ecar-1", 4);
        assertFalse(car.get("plugged").asBoolean());
        assertEquals(55, car.get("soc").asInt());
        assertEquals(55, car.get("expectedSoc").asInt());
    }

    @Test
    void aVehicleWithoutAReportedChargeSaysNullAndDesksCarryNoCharge() {
        JsonNode bike = offered("ebike", "ebike-1", 2);
        assertTrue(bike.has("expectedSoc") && bike.get("expectedSoc").isNull(), bike.toString());
        assertTrue(bike.has("soc") && bike.get("soc").isNull());
        assertTrue(bike.has("plugged") && bike.get("plugged").isNull());
        JsonNode car = offered("ecar", "ecar-1", 2);
        assertTrue(car.get("expectedSoc").isNull(), "the car's tracker has not reported yet");

        JsonNode desks = server.get("/api/v1/availability?siteId=town-hall&type=desk&date=2026-11-24", alice).json();
        assertTrue(desks.get("resources").get(0).get("expectedSoc").isNull());
    }
}
