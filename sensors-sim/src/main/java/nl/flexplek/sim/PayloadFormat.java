package nl.flexplek.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Locale;

/**
 * How a reading goes on the wire: the topic, the JSON payload and the QoS of one kind of sensor network. Encoding
 * is split in two so the garbage fault can spoil the device's fields while keeping a realistic envelope around them.
 * Implementations are thread-safe: the load generator encodes on several threads.
 */
public interface PayloadFormat {

    /** The name on the command line: native, ttn or chirpstack. */
    String name();

    /** The device's own fields: the native object without {@code ts}, or the decoded payload a network server adds. */
    ObjectNode fields(Reading reading);

    /** The message around the given fields, normally {@link #fields(Reading)}. */
    Message message(Reading reading, JsonNode fields);

    /** The IEEE OUI of the maker of the device this format emulates for a kind of sensor (the start of its DevEUI). */
    String vendorOui(SensorKind kind);

    default Message encode(Reading reading) {
        return message(reading, fields(reading));
    }

    static PayloadFormat named(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "native" -> new NativeFormat();
            case "ttn" -> new TtnFormat(new RadioLink());
            case "chirpstack" -> new ChirpstackFormat(new RadioLink());
            default -> throw new IllegalArgumentException("unknown format '" + name + "': native, ttn or chirpstack");
        };
    }
}
