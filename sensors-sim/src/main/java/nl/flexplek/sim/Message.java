package nl.flexplek.sim;

/** An encoded MQTT message, ready to publish. */
public record Message(String topic, byte[] payload, int qos) {
}
