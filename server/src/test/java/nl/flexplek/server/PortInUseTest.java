package nl.flexplek.server;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import nl.flexplek.server.testing.MutableClock;
import nl.flexplek.server.testing.TestServer;
import org.junit.jupiter.api.Test;

/** A server that cannot take its HTTP port or its embedded broker's port refuses to start and says which port. */
class PortInUseTest {

    @Test
    void refusesToStart_whenTheHttpPortIsTaken() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Config config = config(Map.of("server.port", Integer.toString(taken.getLocalPort())));
            RuntimeException e = assertThrows(RuntimeException.class, () -> App.start(config, new MutableClock(TestServer.MONDAY_8AM)).close());
            assertTrue(e.getMessage().contains("127.0.0.1:" + taken.getLocalPort()) && e.getMessage().contains("server.port"),
                    e.getMessage());
        }
    }

    @Test
    void refusesToStart_whenTheEmbeddedBrokerPortIsTaken() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Config config = config(Map.of("flexplek.mqtt.embedded.port", Integer.toString(taken.getLocalPort())));
            RuntimeException e = assertThrows(RuntimeException.class, () -> App.start(config, new MutableClock(TestServer.MONDAY_8AM)).close());
            assertTrue(e.getMessage().contains("MQTT broker") && e.getMessage().contains("127.0.0.1:" + taken.getLocalPort()),
                    e.getMessage());
        }
    }

    private static Config config(Map<String, String> overrides) throws IOException {
        Path dir = Files.createTempDirectory("flexplek-port-test");
        Map<String, String> values = new HashMap<>();
        values.put("server.port", "0");
        values.put("server.host", "127.0.0.1");
        values.put("flexplek.database.url", "jdbc:sqlite:" + dir.resolve("flexplek.db"));
        values.put("flexplek.mqtt.embedded.port", "0");
        values.put("flexplek.occupancy.tick-interval", "PT1H");
        values.putAll(overrides);
        return Config.just(ConfigSources.create(values), ConfigSources.classpath("application.yaml"));
    }
}
