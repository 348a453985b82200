package nl.flexplek.sim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Base64;
import java.util.Locale;

/**
 * The Things Stack v3 uplinks as its MQTT integration delivers them: {@code v3/flexplek@ttn/devices/{deviceId}/up},
 * QoS 0 (The Things Stack publishes at most once). The devices it emulates, with their payload formatters' output in
 * {@code decoded_payload}: desks a Milesight WS202 PIR ({@code battery}, {@code daylight}, {@code pir}), rooms a
 * Milesight VS121 people counter ({@code people_count_all}, {@code region_count}, {@code region_N}), vehicles a
 * tracker whose payload formatter outputs the native vehicle fields. {@code frm_payload} holds the device's bytes
 * ({@link DeviceFrames}).
 */
public final class TtnFormat implements PayloadFormat {
    public static final String APPLICATION = "flexplek";
    public static final String TENANT = "ttn";
    public static final int QOS = 0;
    /** Milesight's default JoinEUI; the golden files use it for every device. */
    private static final String JOIN_EUI = "24E124C0002A0001";
    private static final int MILESIGHT_PORT = 85;
    private static final int TRACKER_PORT = 2;
    private static final ObjectMapper MAPPER = Json.mapper();

    private final RadioLink radio;

    TtnFormat(RadioLink radio) {
        this.radio = radio;
    }

    public static String topic(String deviceId) {
        return "v3/" + APPLICATION + "@" + TENANT + "/devices/" + deviceId + "/up";
    }

    @Override
    public String name() {
        return "ttn";
    }

    @Override
    public ObjectNode fields(Reading reading) {
        ObjectNode node = MAPPER.createObjectNode();
        switch (reading.state()) {
            case SensorState.Presence p -> ws202(node, p.occupied(), p.battery());
            // A WS202 has no separate heartbeat: its periodic report repeats the PIR state.
            case SensorState.Heartbeat h -> ws202(node, h.occupied(), h.battery());
            case SensorState.PeopleCount c -> {
                node.put("people_count_all", c.count());
                node.put("region_count", 2);
                node.put("region_1", DeviceFrames.firstRegion(c.count()));
                node.put("region_2", DeviceFrames.secondRegion(c.count()));
            }
            case SensorState.Vehicle v -> NativeFormat.vehicleFields(node, v);
        }
        return node;
    }

    private static void ws202(ObjectNode node, boolean occupied, Integer battery) {
        if (battery != null) {
            node.put("battery", battery);
        }
        // The offices switch their lights on presence, so the WS202's light sensor follows the PIR.
        node.put("daylight", occupied ? "light" : "dark");
        node.put("pir", occupied ? "trigger" : "normal");
    }

    @Override
    public Message message(Reading reading, JsonNode fields) {
        Device device = reading.device();
        String ts = Json.timestamp(reading.ts());
        byte[] frame = frame(reading.state());
        int rssi = radio.rssi(device.sensorId());
        int spreadingFactor = radio.spreadingFactor(rssi);

        ObjectNode root = MAPPER.createObjectNode();
        ObjectNode ids = root.putObject("end_device_ids");
        ids.put("device_id", device.sensorId());
        ids.putObject("application_ids").put("application_id", APPLICATION);
        ids.put("dev_eui", device.devEui().toUpperCase(Locale.ROOT));
        ids.put("join_eui", JOIN_EUI);
        ids.put("dev_addr", radio.devAddr(device.sensorId(), "260b").toUpperCase(Locale.ROOT));
        root.putArray("correlation_ids").add("as:up:" + radio.ulid(reading.ts()));
        root.put("received_at", ts);

        ObjectNode uplink = root.putObject("uplink_message");
        uplink.put("session_key_id", radio.sessionKeyId(device.sensorId()));
        uplink.put("f_port", device.kind() == SensorKind.VEHICLE ? TRACKER_PORT : MILESIGHT_PORT);
        uplink.put("f_cnt", radio.nextFrameCounter(device.sensorId()));
        uplink.put("frm_payload", Base64.getEncoder().encodeToString(frame));
        ObjectNode rx = uplink.putArray("rx_metadata").addObject();
        rx.putObject("gateway_ids").put("gateway_id", radio.gatewayId(device.siteId()))
                .put("eui", radio.gatewayEui(device.siteId()));
        rx.put("rssi", rssi);
        rx.put("channel_rssi", rssi);
        rx.put("snr", radio.snr(rssi));
        ObjectNode settings = uplink.putObject("settings");
        settings.putObject("data_rate").putObject("lora").put("bandwidth", 125_000).put("spreading_factor", spreadingFactor);
        // The Things Stack writes the frequency as a string (a uint64 in its protobuf JSON).
        settings.put("frequency", Long.toString(radio.frequency()));
        uplink.put("received_at", ts);
        uplink.put("consumed_airtime", String.format(Locale.ROOT, "%.6fs", radio.airtimeSeconds(spreadingFactor, frame.length)));
        uplink.set("decoded_payload", fields);
        try {
            return new Message(topic(device.sensorId()), MAPPER.writeValueAsBytes(root), QOS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always writes", e);
        }
    }

    private static byte[] frame(SensorState state) {
        return switch (state) {
            case SensorState.Presence p -> DeviceFrames.ws202(p.occupied(), p.battery());
            case SensorState.Heartbeat h -> DeviceFrames.ws202(h.occupied(), h.battery());
            case SensorState.PeopleCount c -> DeviceFrames.vs121(c.count());
            case SensorState.Vehicle v -> DeviceFrames.vehicle(v);
        };
    }

    @Override
    public String vendorOui(SensorKind kind) {
        // Milesight for the WS202 and VS121, Dragino for the vehicle tracker.
        return kind == SensorKind.VEHICLE ? "a84041" : "24e124";
    }
}
