package nl.flexplek.server.occupancy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Properties;
import java.util.logging.Logger;

import io.moquette.broker.Server;
import io.moquette.broker.config.IConfig;
import io.moquette.broker.config.MemoryConfig;

/**
 * The MQTT broker that runs inside the server when no external broker is configured, so the demo and a single
 * building need nothing else. MQTT 3.1.1 only; anonymous, so it listens on loopback unless configured otherwise.
 */
public final class EmbeddedBroker implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(EmbeddedBroker.class.getName());

    private final Server server = new Server();
    private final int port;

    public EmbeddedBroker(String host, int requestedPort) {
        // For "any free port" the port is chosen here rather than read back from Moquette: it fills its port map
        // on a Netty thread, and a busy machine was seen never to show the reader the value.
        int port = requestedPort == 0 ? freePort(host) : requestedPort;
        Properties props = new Properties();
        props.setProperty(IConfig.HOST_PROPERTY_NAME, host);
        props.setProperty(IConfig.PORT_PROPERTY_NAME, Integer.toString(port));
        props.setProperty(IConfig.ALLOW_ANONYMOUS_PROPERTY_NAME, "true");
        props.setProperty(IConfig.PERSISTENCE_ENABLED_PROPERTY_NAME, "false");
        // Moquette reports usage to its authors unless told not to.
        props.setProperty(IConfig.ENABLE_TELEMETRY_NAME, "false");
        // mosquitto_pub 2.x connects with an empty client id.
        props.setProperty("allow_zero_byte_client_id", "true");
        props.setProperty(IConfig.NETTY_MAX_BYTES_PROPERTY_NAME, Integer.toString(256 * 1024));
        props.setProperty(IConfig.WEB_SOCKET_PORT_PROPERTY_NAME, "disabled");
        // Room for bursts: a full session queue makes the broker drop QoS 0 messages for that subscriber.
        props.setProperty(IConfig.SESSION_QUEUE_SIZE, "65536");
        try {
            server.startServer(new MemoryConfig(props), List.of());
        } catch (IOException | RuntimeException e) {
            // Moquette reports a taken port with a plain RuntimeException ("Cannot bind to port").
            stopQuietly();
            throw new IllegalStateException("The embedded MQTT broker cannot listen on " + host + ":" + port
                    + " (flexplek.mqtt.embedded.port): " + e.getMessage(), e);
        }
        this.port = port;
        LOG.info(() -> "Embedded MQTT broker listening on " + host + ":" + this.port);
    }

    private void stopQuietly() {
        try {
            server.stopServer();
        } catch (RuntimeException ignored) {
            // it never fully started
        }
    }

    /** The port it listens on (the real one when 0 was asked for). */
    public int port() {
        return port;
    }

    private static int freePort(String host) {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(host))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port for the embedded MQTT broker on " + host, e);
        }
    }

    /** Stops the broker. Netty's graceful shutdown waits about two seconds for quiet; nobody needs to wait for it. */
    @Override
    public void close() {
        Thread.ofVirtual().name("flexplek-broker-stop").start(server::stopServer);
    }
}
