package nl.flexplek.sim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Flexplek's own format: {@code flexplek/sensors/{sensorId}/state} with {@code {"occupied", "battery", "ts"}},
 * {@code {"count", "ts"}} or {@code {"present", "plugged", "soc", "odometerKm", "ts"}}; a heartbeat carries only the
 * battery. QoS 1: these sensors (or their gateway) talk MQTT themselves and want their changes to arrive.
 */
public final class NativeFormat implements PayloadFormat {
    public static final int QOS = 1;
    private static final ObjectMapper MAPPER = Json.mapper();

    public static String topic(String sensorId) {
        return "flexplek/sensors/" + sensorId + "/state";
    }

    @Override
    public String name() {
        return "native";
    }

    @Override
    public ObjectNode fields(Reading reading) {
        ObjectNode node = MAPPER.createObjectNode();
        switch (reading.state()) {
            case SensorState.Presence p -> {
                node.put("occupied", p.occupied());
                if (p.battery() != null) {
                    node.put("battery", p.battery());
                }
            }
            case SensorState.Heartbeat h -> {
                if (h.battery() != null) {
                    node.put("battery", h.battery());
                } else {
                    // Without a battery there is nothing else to say: repeat the state, so it is still a valid message.
                    node.put("occupied", h.occupied());
                }
            }
            case SensorState.PeopleCount c -> node.put("count", c.count());
            case SensorState.Vehicle v -> vehicleFields(node, v);
        }
        return node;
    }

    /** The native vehicle fields; LoRaWAN trackers whose payload formatter speaks Flexplek use them too. */
    static void vehicleFields(ObjectNode node, SensorState.Vehicle v) {
        node.put("present", v.present());
        node.put("plugged", v.plugged());
        node.put("soc", v.soc());
        if (v.odometerKm() != null) {
            node.put("odometerKm", v.odometerKm());
        }
    }

    @Override
    public Message message(Reading reading, JsonNode fields) {
        JsonNode body = fields;
        if (fields instanceof ObjectNode object) {
            body = object.deepCopy().put("ts", Json.timestamp(reading.ts()));
        }
        try {
            return new Message(topic(reading.device().sensorId()), MAPPER.writeValueAsBytes(body), QOS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always writes", e);
        }
    }

    @Override
    public String vendorOui(SensorKind kind) {
        // Native sensors are Wi-Fi devices without a DevEUI; a locally administered prefix keeps the field harmless.
        return "02f1e7";
    }
}
