package nl.flexplek.sim;

import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/** A test's ear on the broker: counts everything on a topic filter and keeps the first few thousand messages. */
final class Subscriber implements AutoCloseable {
    private static final int KEEP = 5000;

    record Received(String topic, byte[] payload) {
    }

    private final MqttClient client;
    private final AtomicLong count = new AtomicLong();
    private final Queue<Received> kept = new ConcurrentLinkedQueue<>();

    Subscriber(String broker, String filter) throws MqttException {
        client = new MqttClient(broker, "test-sub-" + System.nanoTime(), new MemoryPersistence());
        client.setCallback(new MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                if (count.incrementAndGet() <= KEEP) {
                    kept.add(new Received(topic, message.getPayload()));
                }
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
            }
        });
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(true);
        options.setMaxInflight(1000);
        client.connect(options);
        client.subscribe(filter, 1);
    }

    long count() {
        return count.get();
    }

    List<Received> messages() {
        return List.copyOf(kept);
    }

    @Override
    public void close() throws MqttException {
        client.disconnect();
        client.close();
    }
}
