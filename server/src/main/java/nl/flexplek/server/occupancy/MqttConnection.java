package nl.flexplek.server.occupancy;

import java.time.Duration;
import java.util.function.BiConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * The server's one MQTT client (Paho, MQTT 3.1.1, which both Moquette and The Things Stack speak). It connects,
 * subscribes to the sensor topics, and hands every message to the consumer without ever throwing on Paho's thread
 * (an exception there would shut the client down). Paho reconnects by itself, but not for the first connect, so
 * that is retried here until it works; with a clean session the subscriptions are renewed on every connect.
 */
public final class MqttConnection implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(MqttConnection.class.getName());

    private final MqttClient client;
    private final MqttConnectOptions options;
    private final BiConsumer<String, byte[]> consumer;
    private final String sharedGroup;
    private final Thread firstConnect;
    private volatile boolean connected;
    private volatile boolean closed;

    /**
     * @param serverUri   tcp://host:port or ssl://host:port
     * @param sharedGroup when set, subscribes as {@code $share/<group>/...} so several server instances share the load
     */
    public MqttConnection(String serverUri, MqttSettings settings, String sharedGroup, BiConsumer<String, byte[]> consumer) {
        this.consumer = consumer;
        this.sharedGroup = sharedGroup;
        try {
            this.client = new MqttClient(serverUri, settings.clientId(), new MemoryPersistence());
        } catch (MqttException e) {
            throw new IllegalArgumentException("Invalid MQTT broker address " + serverUri, e);
        }
        options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setCleanSession(true);
        options.setAutomaticReconnect(true);
        options.setMaxReconnectDelay(2_000);
        options.setKeepAliveInterval(30);
        options.setConnectionTimeout(10);
        options.setMaxInflight(1_000);
        settings.username().ifPresent(options::setUserName);
        settings.password().ifPresent(p -> options.setPassword(p.toCharArray()));
        client.setCallback(new Callback());
        firstConnect = Thread.ofVirtual().name("flexplek-mqtt-connect").start(this::connectUntilUp);
    }

    /** Whether the client is connected to the broker now. */
    public boolean connected() {
        return connected && client.isConnected();
    }

    private void connectUntilUp() {
        Duration delay = Duration.ofMillis(250);
        while (!closed) {
            try {
                client.connect(options);
                return; // from here on, Paho's automatic reconnect takes over
            } catch (MqttException e) {
                long waitMillis = delay.toMillis();
                LOG.warning(() -> "MQTT broker not reachable yet (" + e.getMessage() + "); retrying in " + waitMillis + " ms");
            }
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                return;
            }
            delay = delay.multipliedBy(2).compareTo(Duration.ofSeconds(5)) > 0 ? Duration.ofSeconds(5) : delay.multipliedBy(2);
        }
    }

    private final class Callback implements MqttCallbackExtended {
        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
            try {
                String[] topics = Topics.SUBSCRIPTIONS.stream()
                        .map(t -> sharedGroup == null ? t : "$share/" + sharedGroup + "/" + t).toArray(String[]::new);
                int[] qos = new int[topics.length];
                java.util.Arrays.fill(qos, 1);
                client.subscribe(topics, qos);
                connected = true;
                LOG.info(() -> (reconnect ? "Reconnected" : "Connected") + " to MQTT broker " + serverUri);
            } catch (MqttException | RuntimeException e) {
                LOG.log(Level.WARNING, "Subscribing to the sensor topics failed; reconnecting", e);
                connected = false;
                Thread.ofVirtual().start(() -> {
                    try {
                        client.disconnect();
                    } catch (MqttException ignored) {
                        // the automatic reconnect will try again
                    }
                });
            }
        }

        @Override
        public void connectionLost(Throwable cause) {
            connected = false;
            LOG.warning(() -> "Lost the MQTT broker (" + (cause == null ? "unknown cause" : cause.getMessage())
                    + "); reconnecting");
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            try {
                consumer.accept(topic, message.getPayload());
            } catch (Throwable t) {
                LOG.log(Level.SEVERE, "A sensor message could not be handed over", t);
            }
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
            // the server only subscribes
        }
    }

    @Override
    public void close() {
        closed = true;
        firstConnect.interrupt();
        try {
            if (client.isConnected()) {
                client.disconnect(1_000);
            }
            client.close(true);
        } catch (MqttException e) {
            LOG.log(Level.FINE, "Closing the MQTT client", e);
        }
    }
}
