package nl.flexplek.server.occupancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Random;

import com.fasterxml.jackson.databind.ObjectMapper;
import nl.flexplek.server.common.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Broken sensor messages are rejected with a reason, never with an exception the ingest would die of. */
class MalformedMessageTest {
    private static final ObjectMapper JSON = Json.createMapper();
    private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");
    private final PayloadDecoder decoder = new PayloadDecoder(JSON);

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "flexplek/sensors/s1/state | not json at all | not-json",
            "flexplek/sensors/s1/state | [1,2,3] | not-an-object",
            "flexplek/sensors/s1/state | {} | empty",
            "flexplek/sensors/s1/state | {\"temperature\": 21} | unknown-fields-only",
            "flexplek/sensors/s1/state | {\"occupied\": \"yes\"} | wrong-type",
            "flexplek/sensors/s1/state | {\"count\": -3} | out-of-range",
            "flexplek/sensors/s1/state | {\"count\": 2.5} | wrong-type",
            "flexplek/sensors/s1/state | {\"soc\": 140} | out-of-range",
            "flexplek/sensors/s1/state | {\"battery\": -1, \"occupied\": true} | out-of-range",
            "flexplek/sensors/s1/state | {\"occupied\": true, \"count\": 2} | mixed-kinds",
            "flexplek/sensors/s1/state | {\"occupied\": true, \"ts\": \"yesterday\"} | bad-timestamp",
            "flexplek/sensors/s1/state | {\"occupied\": true, \"ts\": \"2027-01-01T00:00:00Z\"} | future-timestamp",
            "flexplek/sensors/s1/state | {\"occupied\": true, \"ts\": 1700000000} | wrong-type",
            "flexplek/sensors/s1/state | {\"odometerKm\": \"far\"} | out-of-range",
            "flexplek/elsewhere/s1 | {\"occupied\": true} | unknown-topic",
            "v3/app@ttn/devices/d1/up | {\"end_device_ids\": {\"device_id\": \"d1\"}} | not-an-uplink",
            "v3/app@ttn/devices/d1/up | {\"end_device_ids\": {\"device_id\": 7}, \"uplink_message\": {}} | wrong-type",
            "v3/app@ttn/devices/d1/up | {\"uplink_message\": {\"decoded_payload\": {\"pir\": \"maybe\"}}} | out-of-range",
            "v3/app@ttn/devices/d1/up | {\"uplink_message\": {\"decoded_payload\": {\"temperature\": 20}}} | unknown-fields-only",
            "v3/app@ttn/devices/d1/up | {\"uplink_message\": {\"decoded_payload\": [1]}} | wrong-type",
            "application/a/device/d1/event/up | {\"object\": {\"occupancy\": 7}} | out-of-range",
            "application/a/device/d1/event/up | {\"object\": {\"region_1_count\": -1}} | out-of-range",
    })
    void aBrokenMessageIsRejectedWithItsReason(String topic, String payload, String reason) {
        RejectedMessage rejected = assertThrows(RejectedMessage.class,
                () -> decoder.decode(topic.trim(), payload.trim().getBytes(StandardCharsets.UTF_8), NOW));
        assertEquals(reason, rejected.reason(), rejected.getMessage());
    }

    @Test
    void anOversizedMessageIsRejectedBeforeItIsParsed() {
        byte[] big = ("{\"occupied\": true, \"pad\": \"" + "x".repeat(PayloadDecoder.MAX_BYTES) + "\"}").getBytes(StandardCharsets.UTF_8);
        RejectedMessage rejected = assertThrows(RejectedMessage.class, () -> decoder.decode("flexplek/sensors/s1/state", big, NOW));
        assertEquals("oversized", rejected.reason());
    }

    @Test
    void randomBytesAndMutatedPayloadsNeverEscapeAsExceptions() {
        Random random = new Random(7);
        String[] topics = {"flexplek/sensors/s1/state", "v3/a@t/devices/d/up", "application/a/device/d/event/up"};
        String[] seeds = {"{\"occupied\":true,\"battery\":50}", "{\"count\":3}", "{\"present\":false,\"soc\":40}",
                "{\"end_device_ids\":{\"device_id\":\"d\"},\"uplink_message\":{\"decoded_payload\":{\"pir\":\"trigger\"}}}",
                "{\"deviceInfo\":{\"devEui\":\"ab\"},\"object\":{\"occupancy\":2}}"};
        int decoded = 0;
        for (int i = 0; i < 20_000; i++) {
            byte[] bytes = seeds[random.nextInt(seeds.length)].getBytes(StandardCharsets.UTF_8);
            int mutations = random.nextInt(4);
            for (int m = 0; m < mutations; m++) {
                bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
            }
            try {
                decoder.decode(topics[random.nextInt(topics.length)], bytes, NOW);
                decoded++;
            } catch (RejectedMessage expected) {
                // counted and logged by the ingest
            }
        }
        // Unmutated and harmlessly mutated messages still decode.
        assertEquals(true, decoded > 1_000, "decoded " + decoded);
    }
}
