package nl.flexplek.sim;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * The server's rules for a usable sensor message, as the contract README and DESIGN.md state them, so the tests can
 * tell a valid message from a malformed one without the server: at most 16 KB, a JSON object, known fields of the
 * right type and range, at least one known field.
 */
final class ServerRules {
    private static final Set<String> BOOLEANS = Set.of("occupied", "present", "plugged");
    private static final Map<String, Integer> BOUNDED = Map.of("count", 10_000, "soc", 100, "battery", 100,
            "people_count_all", 10_000, "occupancy", 2, "motion", 1_000_000);

    private ServerRules() {
    }

    /** Whether the server would refuse this payload on this topic. */
    static boolean malformed(String topic, byte[] payload) {
        if (payload.length > 16 * 1024) {
            return true;
        }
        JsonNode root;
        try {
            root = Json.mapper().readTree(payload);
        } catch (IOException e) {
            return true;
        }
        if (root == null || !root.isObject()) {
            return true;
        }
        JsonNode fields = topic.startsWith("v3/") ? root.path("uplink_message").path("decoded_payload")
                : topic.startsWith("application/") ? root.path("object") : root;
        return malformedFields(fields);
    }

    private static boolean malformedFields(JsonNode fields) {
        if (!fields.isObject()) {
            return true;
        }
        boolean known = false;
        for (Iterator<Map.Entry<String, JsonNode>> it = fields.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (BOOLEANS.contains(name)) {
                known = true;
                if (!value.isBoolean()) {
                    return true;
                }
            } else if (BOUNDED.containsKey(name) || name.matches("region_\\d+(_count)?") || name.matches("line_\\d+_total_(in|out)")) {
                known = true;
                int max = BOUNDED.getOrDefault(name, Integer.MAX_VALUE);
                if (!value.isIntegralNumber() || value.asLong() < 0 || value.asLong() > max) {
                    return true;
                }
            } else if (name.equals("pir")) {
                known = true;
                if (!value.isTextual() || !Set.of("trigger", "normal", "idle").contains(value.asText())) {
                    return true;
                }
            } else if (name.equals("odometerKm")) {
                known = true;
                if (!value.isNumber() || value.asDouble() < 0) {
                    return true;
                }
            } else if (name.equals("ts") && !value.isTextual()) {
                return true;
            }
        }
        return !known;
    }
}
