package nl.flexplek.server.occupancy;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The MQTT topics the server reads, in one place: the native format and two LoRaWAN network servers. */
public final class Topics {
    /** Native: {@code flexplek/sensors/{sensorId}/state}. */
    public static final String NATIVE = "flexplek/sensors/+/state";
    /** The Things Stack v3 uplinks: {@code v3/{app}@{tenant}/devices/{device}/up}. */
    public static final String TTN = "v3/+/devices/+/up";
    /** ChirpStack v4 uplink events: {@code application/{appId}/device/{devEui}/event/up}. */
    public static final String CHIRPSTACK = "application/+/device/+/event/up";

    static final List<String> SUBSCRIPTIONS = List.of(NATIVE, TTN, CHIRPSTACK);

    private static final Pattern NATIVE_TOPIC = Pattern.compile("flexplek/sensors/([^/+#]{1,128})/state");
    private static final Pattern TTN_TOPIC = Pattern.compile("v3/[^/]+/devices/([^/+#]{1,128})/up");
    private static final Pattern CHIRPSTACK_TOPIC = Pattern.compile("application/[^/]+/device/([^/+#]{1,128})/event/up");

    private Topics() {
    }

    /** The native topic a sensor publishes its state on. */
    public static String nativeTopic(String sensorId) {
        return "flexplek/sensors/" + sensorId + "/state";
    }

    enum Format { NATIVE, TTN, CHIRPSTACK }

    /** Which format a topic carries and the device named in it. */
    record Route(Format format, String device) {
    }

    static Optional<Route> route(String topic) {
        for (var entry : List.of(new Object[]{NATIVE_TOPIC, Format.NATIVE}, new Object[]{TTN_TOPIC, Format.TTN},
                new Object[]{CHIRPSTACK_TOPIC, Format.CHIRPSTACK})) {
            Matcher m = ((Pattern) entry[0]).matcher(topic);
            if (m.matches()) {
                return Optional.of(new Route((Format) entry[1], m.group(1)));
            }
        }
        return Optional.empty();
    }
}
