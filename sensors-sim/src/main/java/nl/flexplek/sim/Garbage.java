package nl.flexplek.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Malformed messages of the kinds real sensor networks produce, for the garbage fault: not JSON at all (a truncated
 * frame, key=value text, raw bytes), the right fields with the wrong types, a negative count or battery, a payload
 * over the server's 16 KB limit, and only fields nobody knows. The topic and envelope stay realistic, so the server
 * has to look inside to find out. Stateless; the caller brings the randomness.
 */
final class Garbage {
    /** Over the server's limit of 16 KB per payload. */
    static final int OVERSIZED_BYTES = 17 * 1024;

    enum Kind { NOT_JSON, WRONG_TYPES, NEGATIVE, OVERSIZED, UNKNOWN_FIELDS_ONLY }

    private static final List<String> COUNT_FIELDS = List.of("count", "people_count_all", "region_1_count", "soc",
            "battery");

    private Garbage() {
    }

    static Message spoil(Reading reading, PayloadFormat format, RandomGenerator random) {
        Kind[] kinds = Kind.values();
        return spoil(reading, format, kinds[random.nextInt(kinds.length)], random);
    }

    static Message spoil(Reading reading, PayloadFormat format, Kind kind, RandomGenerator random) {
        ObjectNode fields = format.fields(reading);
        return switch (kind) {
            case NOT_JSON -> notJson(format.message(reading, fields), random);
            case WRONG_TYPES -> format.message(reading, wrongTypes(fields));
            case NEGATIVE -> format.message(reading, negative(fields, random));
            case OVERSIZED -> format.message(reading, fields.put("debug", "x".repeat(OVERSIZED_BYTES)));
            case UNKNOWN_FIELDS_ONLY -> format.message(reading, fields.objectNode()
                    .put("temperatur", 21.5).put("humidity_pct", 41).put("co2", 612));
        };
    }

    private static Message notJson(Message valid, RandomGenerator random) {
        byte[] payload = switch (random.nextInt(3)) {
            // A frame cut off halfway, as a flaky gateway delivers it.
            case 0 -> java.util.Arrays.copyOf(valid.payload(), Math.max(1, valid.payload().length / 2));
            // A device configured for the wrong output format.
            case 1 -> "occupied=1;battery=91".getBytes(StandardCharsets.US_ASCII);
            // Raw binary, never decoded.
            default -> {
                byte[] bytes = new byte[8 + random.nextInt(24)];
                random.nextBytes(bytes);
                yield bytes;
            }
        };
        return new Message(valid.topic(), payload, valid.qos());
    }

    /** The same field names with values of the wrong JSON type: booleans and numbers as text, text as numbers. */
    private static ObjectNode wrongTypes(ObjectNode fields) {
        ObjectNode wrong = fields.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = fields.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode value = field.getValue();
            if (value.isBoolean()) {
                wrong.put(field.getKey(), value.asBoolean() ? "yes" : "no");
            } else if (value.isNumber()) {
                wrong.put(field.getKey(), value.asText() + "%");
            } else {
                wrong.put(field.getKey(), 1);
            }
        }
        return wrong;
    }

    /** A count (or, for sensors without one, the battery or charge) below zero. */
    private static ObjectNode negative(ObjectNode fields, RandomGenerator random) {
        int value = -1 - random.nextInt(10);
        for (String name : COUNT_FIELDS) {
            if (fields.has(name)) {
                return fields.put(name, value);
            }
        }
        return fields.put("battery", value);
    }
}
