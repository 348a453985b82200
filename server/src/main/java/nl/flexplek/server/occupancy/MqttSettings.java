package nl.flexplek.server.occupancy;

import java.util.Optional;

/**
 * How the server reaches MQTT: an external broker ({@code url}, tcp:// or ssl://, with optional credentials and
 * client id), or, when no url is set, the embedded broker on {@code embeddedHost}:{@code embeddedPort}.
 */
public record MqttSettings(Optional<String> url, Optional<String> username, Optional<String> password,
                           String clientId, String embeddedHost, int embeddedPort) {
    public MqttSettings {
        url.ifPresent(u -> {
            if (!u.startsWith("tcp://") && !u.startsWith("ssl://")) {
                throw new IllegalArgumentException("flexplek.mqtt.url must start with tcp:// or ssl://");
            }
        });
        if (embeddedPort < 0 || embeddedPort > 65535) {
            throw new IllegalArgumentException("flexplek.mqtt.embedded.port must be 0-65535");
        }
        if (clientId == null || clientId.isBlank() || clientId.length() > 23 * 4) {
            throw new IllegalArgumentException("flexplek.mqtt.client-id must be set");
        }
    }

    public boolean embedded() {
        return url.isEmpty();
    }

    @Override
    public String toString() {
        // Never print the password.
        return "MqttSettings[" + url.orElse("embedded " + embeddedHost + ":" + embeddedPort) + ", user "
                + username.orElse("-") + ", client " + clientId + "]";
    }
}
