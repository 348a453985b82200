package nl.flexplek.sim;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * One simulated sensor: its id (also the LoRaWAN device id), what it measures, what it watches, the site whose
 * gateway hears it, and its DevEUI. Formats that have no DevEUI (native) simply ignore it.
 */
public record Device(String sensorId, SensorKind kind, ResourceType type, String siteId, String devEui) {
    public Device {
        if (sensorId == null || sensorId.isBlank() || kind == null || type == null) {
            throw new IllegalArgumentException("a device needs a sensor id, a kind and a resource type");
        }
        devEui = devEui == null ? null : devEui.toLowerCase(Locale.ROOT);
        siteId = siteId == null ? "site" : siteId;
    }

    /** The device for a resource's sensor, with the DevEUI the format's device model would have. */
    public static Device of(Resource resource, PayloadFormat format) {
        SensorKind kind = resource.type().sensorKind();
        return new Device(resource.sensorId(), kind, resource.type(), resource.siteId(),
                devEui(resource.sensorId(), format.vendorOui(kind)));
    }

    /**
     * A stable DevEUI for a sensor id: the device maker's IEEE OUI (6 hex digits, so it looks like the real device)
     * followed by 10 hex digits of the SHA-256 of the sensor id. Lower case, as ChirpStack writes it.
     */
    public static String devEui(String sensorId, String oui) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(sensorId.getBytes(StandardCharsets.UTF_8));
            return (oui + HexFormat.of().formatHex(hash)).substring(0, 16).toLowerCase(Locale.ROOT);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
