package nl.flexplek.server.occupancy;

import java.util.List;
import java.util.Optional;

/** The MQTT topics the server reads, in one place: the native format and two LoRaWAN network servers. */
public final class Topics {
    /** Native: {@code flexplek/sensors/{sensorId}/state}. */
    public static final String NATIVE = "flexplek/sensors/+/state";
    /** The Things Stack v3 uplinks: {@code v3/{app}@{tenant}/devices/{device}/up}. */
    public static final String TTN = "v3/+/devices/+/up";
    /** ChirpStack v4 uplink events: {@code application/{appId}/device/{devEui}/event/up}. */
    public static final String CHIRPSTACK = "application/+/device/+/event/up";

    static final List<String> SUBSCRIPTIONS = List.of(NATIVE, TTN, CHIRPSTACK);

    private Topics() {
    }

    enum Format { NATIVE, TTN, CHIRPSTACK }

    /** Which format a topic carries and the device named in it. */
    record Route(Format format, String device) {
    }

    /**
     * Which format a topic carries and the device named in it. Plain string checks rather than regular
     * expressions: this runs for every sensor message.
     */
    static Optional<Route> route(String topic) {
        String[] parts = topic.split("/", -1);
        if (parts.length == 4 && parts[0].equals("flexplek") && parts[1].equals("sensors") && parts[3].equals("state")) {
            return device(Format.NATIVE, parts[2]);
        }
        if (parts.length == 5 && parts[0].equals("v3") && parts[2].equals("devices") && parts[4].equals("up")
                && !parts[1].isEmpty()) {
            return device(Format.TTN, parts[3]);
        }
        if (parts.length == 6 && parts[0].equals("application") && parts[2].equals("device") && parts[4].equals("event")
                && parts[5].equals("up") && !parts[1].isEmpty()) {
            return device(Format.CHIRPSTACK, parts[3]);
        }
        return Optional.empty();
    }

    private static Optional<Route> device(Format format, String device) {
        boolean valid = !device.isEmpty() && device.length() <= 128 && device.indexOf('+') < 0 && device.indexOf('#') < 0;
        return valid ? Optional.of(new Route(format, device)) : Optional.empty();
    }
}
