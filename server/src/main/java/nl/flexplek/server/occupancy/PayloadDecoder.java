package nl.flexplek.server.occupancy;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Turns an MQTT message into a {@link Reading}: the native format, The Things Stack v3 uplinks and ChirpStack v4
 * up events, with the decoded fields of common occupancy devices mapped by {@link DeviceFields}. Anything it cannot
 * use is a {@link RejectedMessage} with a reason. Stateless and thread-safe.
 */
final class PayloadDecoder {
    static final int MAX_BYTES = 16 * 1024;
    private static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);

    private final ObjectMapper mapper;

    PayloadDecoder(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    Reading decode(String topic, byte[] payload, Instant now) throws RejectedMessage {
        Topics.Route route = Topics.route(topic)
                .orElseThrow(() -> new RejectedMessage("unknown-topic", "no format is read on topic " + topic));
        if (payload.length > MAX_BYTES) {
            throw new RejectedMessage("oversized", payload.length + " bytes");
        }
        JsonNode root = parse(payload);
        return switch (route.format()) {
            case NATIVE -> nativeReading(route.device(), root, now);
            case TTN -> ttnReading(route.device(), root, now);
            case CHIRPSTACK -> chirpstackReading(route.device(), root, now);
        };
    }

    private JsonNode parse(byte[] payload) throws RejectedMessage {
        try {
            JsonNode root = mapper.readTree(payload);
            if (root == null || !root.isObject()) {
                throw new RejectedMessage("not-an-object", "the payload is not a JSON object");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new RejectedMessage("not-json", "the payload is not JSON");
        } catch (IOException e) {
            throw new RejectedMessage("not-json", "the payload cannot be read");
        }
    }

    private Reading nativeReading(String sensorId, JsonNode root, Instant now) throws RejectedMessage {
        if (root.isEmpty()) {
            throw new RejectedMessage("empty", "the payload has no fields");
        }
        DeviceFields fields = DeviceFields.nativeFields(root);
        if (fields.isEmpty()) {
            throw new RejectedMessage("unknown-fields-only", "none of the payload's fields is known");
        }
        return fields.reading(List.of(sensorId), timestamp(root.get("ts"), now));
    }

    private Reading ttnReading(String topicDevice, JsonNode root, Instant now) throws RejectedMessage {
        JsonNode ids = root.path("end_device_ids");
        List<String> candidates = new ArrayList<>();
        addText(candidates, ids.get("device_id"), false);
        if (candidates.isEmpty()) {
            candidates.add(topicDevice);
        }
        addText(candidates, ids.get("dev_eui"), true);
        JsonNode uplink = root.get("uplink_message");
        if (uplink == null || !uplink.isObject()) {
            throw new RejectedMessage("not-an-uplink", "no uplink_message");
        }
        Instant ts = timestamp(root.has("received_at") ? root.get("received_at") : uplink.get("received_at"), now);
        return decoded(candidates, uplink.get("decoded_payload"), ts);
    }

    private Reading chirpstackReading(String topicDevice, JsonNode root, Instant now) throws RejectedMessage {
        JsonNode info = root.path("deviceInfo");
        List<String> candidates = new ArrayList<>();
        addText(candidates, info.get("deviceName"), false);
        addText(candidates, info.get("devEui"), true);
        if (candidates.isEmpty()) {
            candidates.add(topicDevice.toLowerCase(Locale.ROOT));
        }
        return decoded(candidates, root.get("object"), timestamp(root.get("time"), now));
    }

    /** LoRaWAN: the network server's decoded payload; missing or empty means a heartbeat. */
    private static Reading decoded(List<String> candidates, JsonNode object, Instant ts) throws RejectedMessage {
        if (object == null || object.isNull() || (object.isObject() && object.isEmpty())) {
            return new Reading(candidates, null, null, null, null, null, null, null, null, ts);
        }
        if (!object.isObject()) {
            throw new RejectedMessage("wrong-type", "the decoded payload is not an object");
        }
        DeviceFields fields = DeviceFields.decodedFields(object);
        if (fields.isEmpty()) {
            throw new RejectedMessage("unknown-fields-only", "no known device fields in the decoded payload");
        }
        return fields.reading(candidates, ts);
    }

    private static void addText(List<String> out, JsonNode node, boolean lowerCase) throws RejectedMessage {
        if (node == null || node.isNull()) {
            return;
        }
        if (!node.isTextual() || node.asText().isBlank() || node.asText().length() > 128) {
            throw new RejectedMessage("wrong-type", "a device id is not a short text");
        }
        String text = lowerCase ? node.asText().toLowerCase(Locale.ROOT) : node.asText();
        if (!out.contains(text)) {
            out.add(text);
        }
    }

    private static Instant timestamp(JsonNode node, Instant now) throws RejectedMessage {
        if (node == null || node.isNull()) {
            return now;
        }
        if (!node.isTextual()) {
            throw new RejectedMessage("wrong-type", "ts is not a text");
        }
        Instant ts;
        try {
            ts = OffsetDateTime.parse(node.asText()).toInstant();
        } catch (DateTimeParseException e) {
            throw new RejectedMessage("bad-timestamp", "ts is not an ISO-8601 date-time with offset");
        }
        if (ts.isAfter(now.plus(MAX_CLOCK_SKEW))) {
            throw new RejectedMessage("future-timestamp", "ts is more than five minutes ahead");
        }
        return ts;
    }
}
