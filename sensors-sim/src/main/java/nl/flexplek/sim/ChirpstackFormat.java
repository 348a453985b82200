package nl.flexplek.sim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * ChirpStack v4 up events as its MQTT integration publishes them:
 * {@code application/{applicationId}/device/{devEui}/event/up}, QoS 0 (ChirpStack's default). The devices it
 * emulates, with their codecs' output in {@code object}: desks an Elsys ERS Eye ({@code occupancy} 2 or 0,
 * {@code motion}, plus temperature, humidity, light and battery voltage), rooms a Milesight VS133 people counter
 * ({@code region_N_count} and the line totals), vehicles a tracker whose codec outputs the native vehicle fields.
 */
public final class ChirpstackFormat implements PayloadFormat {
    /** The municipality's ChirpStack tenant and application (the golden files' ids). */
    public static final String APPLICATION_ID = "f3a1b8c2-77d4-4a0e-9d51-2b6c0e4f9a10";
    public static final String APPLICATION_NAME = "flexplek";
    public static final String TENANT_ID = "52f14cd4-c6f1-4fbd-8f87-4025e1d49242";
    public static final String TENANT_NAME = "Gemeente Flexstad";
    public static final int QOS = 0;
    private static final ObjectMapper MAPPER = Json.mapper();

    private final RadioLink radio;

    ChirpstackFormat(RadioLink radio) {
        this.radio = radio;
    }

    public static String topic(String devEui) {
        return "application/" + APPLICATION_ID + "/device/" + devEui + "/event/up";
    }

    @Override
    public String name() {
        return "chirpstack";
    }

    @Override
    public ObjectNode fields(Reading reading) {
        ObjectNode node = MAPPER.createObjectNode();
        switch (reading.state()) {
            case SensorState.Presence p -> ersEye(node, reading.device(), p.occupied(), p.battery());
            // The ERS Eye's periodic report is a full report.
            case SensorState.Heartbeat h -> ersEye(node, reading.device(), h.occupied(), h.battery());
            case SensorState.PeopleCount c -> {
                node.put("region_1_count", DeviceFrames.firstRegion(c.count()));
                node.put("region_2_count", DeviceFrames.secondRegion(c.count()));
                node.put("line_1_total_in", c.enteredToday());
                node.put("line_1_total_out", c.enteredToday() - c.count());
            }
            case SensorState.Vehicle v -> NativeFormat.vehicleFields(node, v);
        }
        return node;
    }

    /**
     * An ERS Eye report. It never says "pending" (occupancy 1) here: the simulator's people settle at once. The
     * room climate is plausible office weather; a person at the desk warms it a little and switches the lamp on.
     */
    private static void ersEye(ObjectNode node, Device device, boolean occupied, Integer battery) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        double base = 20.5 + Math.floorMod(device.sensorId().hashCode(), 16) / 10.0;
        node.put("temperature", Math.round((base + (occupied ? 0.4 : 0) + random.nextDouble(-0.2, 0.2)) * 10) / 10.0);
        node.put("humidity", 35 + Math.floorMod(device.sensorId().hashCode() >> 4, 8) + random.nextInt(0, 3));
        node.put("light", occupied ? random.nextInt(250, 450) : random.nextInt(5, 40));
        node.put("motion", occupied ? random.nextInt(1, 9) : 0);
        node.put("occupancy", occupied ? 2 : 0);
        // Two lithium AA cells: about 3.0 V empty, 3.7 V full.
        node.put("vdd", battery == null ? 3600 : 3000 + battery * 7);
    }

    @Override
    public Message message(Reading reading, JsonNode fields) {
        Device device = reading.device();
        int rssi = radio.rssi(device.sensorId());
        String profile = profileName(device.kind());

        ObjectNode root = MAPPER.createObjectNode();
        root.put("deduplicationId", UUID.randomUUID().toString());
        root.put("time", Json.timestamp(reading.ts()));
        ObjectNode info = root.putObject("deviceInfo");
        info.put("tenantId", TENANT_ID);
        info.put("tenantName", TENANT_NAME);
        info.put("applicationId", APPLICATION_ID);
        info.put("applicationName", APPLICATION_NAME);
        info.put("deviceProfileId", UUID.nameUUIDFromBytes(profile.getBytes(StandardCharsets.UTF_8)).toString());
        info.put("deviceProfileName", profile);
        info.put("deviceName", device.sensorId());
        info.put("devEui", device.devEui());
        info.putObject("tags");
        root.put("devAddr", radio.devAddr(device.sensorId(), "01"));
        root.put("adr", true);
        root.put("dr", radio.dataRate(radio.spreadingFactor(rssi)));
        root.put("fCnt", radio.nextFrameCounter(device.sensorId()));
        root.put("fPort", device.kind() == SensorKind.VEHICLE ? 2 : 5);
        root.put("confirmed", false);
        root.put("data", Base64.getEncoder().encodeToString(frame(reading.state(), fields)));
        root.set("object", fields);
        ObjectNode rx = root.putArray("rxInfo").addObject();
        rx.put("gatewayId", radio.gatewayEui(device.siteId()).toLowerCase(java.util.Locale.ROOT));
        rx.put("rssi", rssi);
        rx.put("snr", radio.snr(rssi));
        root.putObject("txInfo").put("frequency", radio.frequency());
        try {
            return new Message(topic(device.devEui()), MAPPER.writeValueAsBytes(root), QOS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always writes", e);
        }
    }

    private static String profileName(SensorKind kind) {
        return switch (kind) {
            case PRESENCE -> "Elsys ERS Eye";
            case COUNTER -> "Milesight VS133";
            case VEHICLE -> "Flexplek vehicle tracker";
        };
    }

    /** The device's bytes; for the ERS Eye they carry the same climate values as the decoded object. */
    private static byte[] frame(SensorState state, JsonNode fields) {
        return switch (state) {
            case SensorState.Presence p -> ersFrame(p.occupied(), fields);
            case SensorState.Heartbeat h -> ersFrame(h.occupied(), fields);
            case SensorState.PeopleCount c -> DeviceFrames.vs133(c.count(), c.enteredToday());
            case SensorState.Vehicle v -> DeviceFrames.vehicle(v);
        };
    }

    private static byte[] ersFrame(boolean occupied, JsonNode fields) {
        return DeviceFrames.ersEye(fields.path("temperature").asDouble(21), fields.path("humidity").asInt(40),
                fields.path("light").asInt(0), fields.path("motion").asInt(0), fields.path("vdd").asInt(3600),
                occupied ? 2 : 0);
    }

    @Override
    public String vendorOui(SensorKind kind) {
        // Elsys for the ERS Eye, Milesight for the VS133, Dragino for the vehicle tracker.
        return switch (kind) {
            case PRESENCE -> "a81758";
            case COUNTER -> "24e124";
            case VEHICLE -> "a84041";
        };
    }
}
