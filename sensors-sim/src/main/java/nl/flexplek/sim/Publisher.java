package nl.flexplek.sim;

import org.eclipse.paho.client.mqttv3.DisconnectedBufferOptions;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

import javax.net.SocketFactory;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One MQTT connection, the only place that knows Paho. Publishing never throws and never blocks; on a
 * {@link #steady} connection Paho buffers what is published while the broker is away (up to {@value #BUFFER}
 * messages, oldest dropped first) and sends it once its automatic reconnect succeeds. Paho does not retry the first
 * connect, so {@link #connect(StopSignal)} does, with backoff. Paho's callbacks run on its own threads and only count
 * and log; they never throw, because an exception there shuts the client down.
 */
public final class Publisher implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Publisher.class.getName());
    static final int BUFFER = 100_000;
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    private static final long FAILURE_LOG_EVERY_NANOS = Duration.ofSeconds(10).toNanos();

    private final String broker;
    private final MqttAsyncClient client;
    private final MqttConnectOptions options = new MqttConnectOptions();
    private final boolean quiet;
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong reconnects = new AtomicLong();
    private final AtomicLong connectAttempts = new AtomicLong();
    private volatile long lastFailureLog = System.nanoTime() - FAILURE_LOG_EVERY_NANOS - 1;

    /**
     * The simulator's connection: a kept session (QoS 1 messages in flight when the connection drops are sent again
     * after the reconnect) and a buffer for what is published while the broker is away.
     *
     * @param network the socket factory ({@link FlakyNetwork} for the broker-loss fault), or null for the default
     */
    public static Publisher steady(String broker, String clientId, SocketFactory network) throws MqttException {
        return new Publisher(broker, clientId, true, true, network, false);
    }

    /**
     * A load generator's connection: a clean session and no buffer, so a lost connection shows up as refused
     * messages instead of hiding in memory; connection events are logged at FINE (there may be several).
     */
    public static Publisher load(String broker, String clientId) throws MqttException {
        return new Publisher(broker, clientId, false, false, null, true);
    }

    private Publisher(String broker, String clientId, boolean keepSession, boolean buffer, SocketFactory network,
                      boolean quiet) throws MqttException {
        this.broker = broker;
        this.quiet = quiet;
        this.client = new MqttAsyncClient(broker, clientId, new MemoryPersistence());
        options.setCleanSession(!keepSession);
        options.setAutomaticReconnect(true);
        // Come back quickly after a broker restart (Paho's default backs off to two minutes).
        options.setMaxReconnectDelay(2000);
        options.setConnectionTimeout(10);
        options.setKeepAliveInterval(30);
        options.setMaxInflight(1000);
        if (network != null) {
            options.setSocketFactory(network);
        }
        if (buffer) {
            DisconnectedBufferOptions disconnected = new DisconnectedBufferOptions();
            disconnected.setBufferEnabled(true);
            disconnected.setBufferSize(BUFFER);
            disconnected.setPersistBuffer(false);
            disconnected.setDeleteOldestMessages(true);
            client.setBufferOpts(disconnected);
        }
        client.setCallback(new Callback());
    }

    /** Connects, retrying with backoff until the broker answers or a stop is requested; true when connected. */
    public boolean connect(StopSignal stop) {
        Duration wait = Duration.ofSeconds(1);
        while (!stop.requested()) {
            try {
                connectAttempts.incrementAndGet();
                client.connect(options).waitForCompletion();
                log(Level.INFO, "Connected to " + broker + " as " + client.getClientId());
                return true;
            } catch (MqttException e) {
                Duration pause = wait;
                LOG.warning(() -> "Broker " + broker + " not reachable (" + reason(e) + "); trying again in "
                        + pause.toSeconds() + " s");
                if (stop.await(wait)) {
                    return false;
                }
                wait = wait.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait.multipliedBy(2);
            }
        }
        return false;
    }

    /** Hands a message to Paho; false (and counted) when Paho refuses it, for example with its in-flight window full. */
    public boolean publish(Message message) {
        try {
            client.publish(message.topic(), message.payload(), message.qos(), false);
            published.incrementAndGet();
            return true;
        } catch (MqttException | RuntimeException e) {
            long failures = failed.incrementAndGet();
            long now = System.nanoTime();
            if (now - lastFailureLog > FAILURE_LOG_EVERY_NANOS) {
                lastFailureLog = now;
                LOG.warning(() -> "Could not publish to " + message.topic() + " (" + reason(e) + "); " + failures
                        + " messages refused so far");
            }
            return false;
        }
    }

    public boolean isConnected() {
        return client.isConnected();
    }

    /** Messages written to the broker (QoS 0) or acknowledged by it (QoS 1). */
    public long delivered() {
        return delivered.get();
    }

    /** Accepted but not yet delivered: in Paho's queue or its disconnected buffer. */
    public long outstanding() {
        return published.get() - delivered.get();
    }

    public long failed() {
        return failed.get();
    }

    public long reconnects() {
        return reconnects.get();
    }

    /** Attempts of the first connect so far (Paho's own reconnects not included). */
    public long connectAttempts() {
        return connectAttempts.get();
    }

    public int buffered() {
        return client.getBufferedMessageCount();
    }

    /** Waits up to {@code timeout} for everything accepted to be delivered; true when it was. */
    public boolean drain(Duration timeout, StopSignal stop) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (outstanding() > 0 && System.nanoTime() < deadline) {
            // Short polls: the load generator's rate is measured up to the moment this returns.
            if (stop.await(Duration.ofMillis(2))) {
                break;
            }
        }
        return outstanding() <= 0;
    }

    @Override
    public void close() {
        try {
            if (client.isConnected()) {
                // Lets Paho finish sending what it holds before it says goodbye.
                client.disconnect(2000).waitForCompletion(3000);
            }
        } catch (MqttException e) {
            LOG.fine(() -> "Disconnect: " + reason(e));
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            LOG.fine(() -> "Close: " + reason(e));
        }
    }

    private void log(Level level, String text) {
        LOG.log(quiet && level == Level.INFO ? Level.FINE : level, text);
    }

    private static String reason(Exception e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        String text = cause.getMessage();
        return text == null ? cause.getClass().getSimpleName() : text;
    }

    private final class Callback implements MqttCallbackExtended {
        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
            try {
                if (reconnect) {
                    reconnects.incrementAndGet();
                    log(Level.INFO, "Reconnected to " + serverUri + "; sending " + client.getBufferedMessageCount()
                            + " buffered messages");
                }
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "connectComplete", e);
            }
        }

        @Override
        public void connectionLost(Throwable cause) {
            try {
                log(Level.WARNING, "Lost the connection to " + broker + " (" + (cause == null ? "?" : cause.getMessage())
                        + "); reconnecting, buffering messages meanwhile");
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "connectionLost", e);
            }
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            // Publish only: nothing is subscribed.
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
            delivered.incrementAndGet();
        }
    }
}
