package nl.flexplek.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The simulator speaks the contract: for every golden file in {@code contracts/mqtt} whose format and device model
 * it emulates, encoding the golden {@code reading} gives the golden topic and payload. Native payloads must be equal.
 * For The Things Stack and ChirpStack the device ids, DevEUI, timestamps and the decoded payload must be equal, and
 * every other field must be there with the same JSON type (radio metadata, frame counters and correlation ids vary
 * per message, as on a real network). Two decoded fields cannot follow from a reading and are checked for shape and
 * consistency instead: an ERS Eye's climate (temperature, humidity, light, battery voltage) and a VS133's cumulative
 * line totals (in minus out must be the count). Files of devices or states the simulator never produces are reported
 * as skipped, with the reason in the test's name.
 */
class GoldenFilesTest {
    private static final Path DIR = Path.of(System.getProperty("flexplek.contracts", "../contracts/mqtt"));
    private static final ObjectMapper MAPPER = Json.mapper();
    private static final Set<String> ERS_CLIMATE = Set.of("temperature", "humidity", "light", "vdd");

    @TestFactory
    Stream<DynamicTest> encodesEveryGoldenReading_toTheGoldenTopicAndPayload() throws IOException {
        assertTrue(Files.isDirectory(DIR), "The golden MQTT files are not at " + DIR.toAbsolutePath()
                + " (set -Dcontracts.dir=... when the contracts live elsewhere)");
        List<Path> files;
        try (Stream<Path> listing = Files.list(DIR)) {
            files = listing.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertFalse(files.isEmpty(), "no golden files in " + DIR);
        List<DynamicTest> tests = new ArrayList<>();
        for (Path file : files) {
            JsonNode golden = MAPPER.readTree(file.toFile());
            String notProduced = notProduced(golden);
            String name = file.getFileName() + (notProduced == null ? "" : " (skipped: " + notProduced + ")");
            tests.add(DynamicTest.dynamicTest(name, () -> {
                Assumptions.assumeTrue(notProduced == null, notProduced);
                check(golden);
            }));
        }
        return tests.stream();
    }

    /** Why the simulator never publishes what this file holds, or null when it does. */
    private static String notProduced(JsonNode golden) {
        String topic = golden.path("topic").asText();
        JsonNode payload = golden.path("payload");
        if (topic.startsWith("flexplek/sensors/")) {
            return null;
        }
        if (topic.startsWith("v3/")) {
            JsonNode decoded = payload.path("uplink_message").path("decoded_payload");
            if (decoded.isMissingNode() || decoded.isEmpty()) {
                return "an uplink without a decoded payload; the emulated WS202, VS121 and tracker always decode";
            }
            if (decoded.has("pir") || decoded.has("people_count_all") || nativeVehicle(decoded)) {
                return null;
            }
            return "device not emulated for The Things Stack (decoded fields " + names(decoded) + ")";
        }
        if (topic.startsWith("application/")) {
            JsonNode object = payload.path("object");
            if (object.has("occupancy")) {
                return object.path("occupancy").asInt() == 1
                        ? "ERS Eye 'pending' (occupancy 1); simulated people settle at once, so it reports 0 or 2"
                        : null;
            }
            if (object.has("region_1_count") || nativeVehicle(object)) {
                return null;
            }
            return "device not emulated for ChirpStack (object fields " + names(object) + ")";
        }
        return "unknown topic " + topic;
    }

    private static void check(JsonNode golden) throws IOException {
        String topic = golden.path("topic").asText();
        JsonNode expected = golden.path("payload");
        Reading reading = reading(golden.path("reading"));
        PayloadFormat format = PayloadFormat.named(topic.startsWith("v3/") ? "ttn"
                : topic.startsWith("application/") ? "chirpstack" : "native");

        Message message = format.encode(reading);
        JsonNode actual = MAPPER.readTree(message.payload());

        assertEquals(topic, message.topic(), "topic");
        switch (format.name()) {
            case "native" -> {
                assertEquals(expected, actual, "the native payload");
                assertEquals(1, message.qos(), "native messages go at QoS 1");
            }
            case "ttn" -> {
                assertSameShape(expected, actual, "$");
                for (String path : List.of("/end_device_ids/device_id", "/end_device_ids/dev_eui",
                        "/end_device_ids/application_ids", "/received_at", "/uplink_message/received_at",
                        "/uplink_message/decoded_payload")) {
                    assertEquals(expected.at(path), actual.at(path), path);
                }
                assertEquals(0, message.qos(), "The Things Stack delivers at QoS 0");
            }
            case "chirpstack" -> {
                assertSameShape(expected, actual, "$");
                for (String path : List.of("/time", "/deviceInfo/deviceName", "/deviceInfo/devEui",
                        "/deviceInfo/applicationId", "/deviceInfo/applicationName", "/deviceInfo/tenantId",
                        "/deviceInfo/tenantName", "/deviceInfo/deviceProfileName")) {
                    assertEquals(expected.at(path), actual.at(path), path);
                }
                checkChirpstackObject(expected.path("object"), actual.path("object"), reading.state());
            }
            default -> throw new AssertionError(format.name());
        }
    }

    private static void checkChirpstackObject(JsonNode expected, JsonNode actual, SensorState state) {
        if (expected.has("occupancy")) {
            assertEquals(expected.get("occupancy"), actual.get("occupancy"), "occupancy");
            boolean occupied = expected.get("occupancy").asInt() == 2;
            assertEquals(occupied, actual.get("motion").asInt() > 0, "motion counted when occupied, and only then");
            for (String climate : ERS_CLIMATE) {
                if (expected.has(climate)) {
                    assertTrue(actual.get(climate).isNumber(), climate + " is a number");
                }
            }
        } else if (expected.has("region_1_count")) {
            for (Iterator<String> it = expected.fieldNames(); it.hasNext(); ) {
                String field = it.next();
                if (field.matches("region_\\d+_count")) {
                    assertEquals(expected.get(field), actual.get(field), field);
                }
            }
            int count = ((SensorState.PeopleCount) state).count();
            assertEquals(count, actual.get("line_1_total_in").asInt() - actual.get("line_1_total_out").asInt(),
                    "line totals: in minus out is the count");
        } else {
            assertEquals(expected, actual, "the decoded object");
        }
    }

    /** The golden reading as the simulator's encoder takes it; the DevEUI comes from the golden file. */
    private static Reading reading(JsonNode reading) {
        JsonNode ids = reading.path("sensorIds");
        String sensorId = ids.get(0).asText();
        String devEui = ids.size() > 1 ? ids.get(1).asText() : Device.devEui(sensorId, "02f1e7");
        Integer battery = reading.has("battery") ? reading.get("battery").asInt() : null;
        String kind = reading.path("kind").asText("");
        SensorState state = switch (kind) {
            case "presence" -> new SensorState.Presence(reading.path("occupied").asBoolean(), battery);
            case "counter" -> new SensorState.PeopleCount(reading.path("count").asInt(), reading.path("count").asInt());
            case "vehicle" -> new SensorState.Vehicle(reading.path("present").asBoolean(),
                    reading.path("plugged").asBoolean(), reading.path("soc").asInt(),
                    reading.has("odometerKm") ? reading.get("odometerKm").asDouble() : null);
            case "" -> new SensorState.Heartbeat(false, battery);
            default -> throw new AssertionError("unknown kind " + kind);
        };
        ResourceType type = switch (kind) {
            case "counter" -> ResourceType.ROOM;
            case "vehicle" -> sensorId.contains("ebike") ? ResourceType.EBIKE : ResourceType.ECAR;
            default -> ResourceType.DESK;
        };
        return new Reading(new Device(sensorId, type.sensorKind(), type, "stadhuis", devEui), state,
                Instant.parse(reading.path("ts").asText()));
    }

    /** The same fields, recursively, with the same JSON types; arrays compared by their first element. */
    private static void assertSameShape(JsonNode expected, JsonNode actual, String path) {
        assertEquals(expected.getNodeType(), actual == null ? null : actual.getNodeType(), "type of " + path);
        if (expected.isObject()) {
            assertEquals(names(expected), names(actual), "fields of " + path);
            for (Iterator<String> it = expected.fieldNames(); it.hasNext(); ) {
                String field = it.next();
                assertSameShape(expected.get(field), actual.get(field), path + "." + field);
            }
        } else if (expected.isArray() && !expected.isEmpty()) {
            assertFalse(actual.isEmpty(), path + " is not empty");
            assertSameShape(expected.get(0), actual.get(0), path + "[0]");
        }
    }

    private static boolean nativeVehicle(JsonNode node) {
        return node.has("present") || node.has("plugged") || node.has("soc");
    }

    private static Set<String> names(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
