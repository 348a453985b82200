package nl.flexplek.sim;

import nl.flexplek.testing.Mosquitto;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Paho adapter against a real Mosquitto: it waits for a broker that is not up yet, and loses nothing in an outage. */
@Tag("broker")
class PublisherTest {

    @Test
    void keepsTryingTheFirstConnect_untilTheBrokerIsUp() throws Exception {
        int port = Mosquitto.freePort();
        StopSignal stop = new StopSignal();
        try (Publisher publisher = Publisher.steady("tcp://127.0.0.1:" + port, "test-first-connect", null)) {
            CompletableFuture<Boolean> connected = CompletableFuture.supplyAsync(() -> publisher.connect(stop));
            await("a failed first attempt").atMost(Duration.ofSeconds(10)).until(() -> publisher.connectAttempts() >= 2);
            try (Mosquitto broker = Mosquitto.start(port)) {
                await("connected once the broker is up").atMost(Duration.ofSeconds(15)).until(connected::isDone);
                assertTrue(connected.get());
                assertTrue(publisher.isConnected());
                assertEquals(port, broker.port());
            }
        } finally {
            stop.request();
        }
    }

    @Test
    void buffersWhileTheNetworkIsCut_andSendsEverythingAfterReconnecting() throws Exception {
        try (Mosquitto broker = Mosquitto.start();
             Subscriber subscriber = new Subscriber(broker.url(), "flexplek/sensors/+/state")) {
            FlakyNetwork network = new FlakyNetwork();
            try (Publisher publisher = Publisher.steady(broker.url(), "test-outage", network)) {
                assertTrue(publisher.connect(new StopSignal()));
                publisher.publish(message(0));
                await().atMost(Duration.ofSeconds(5)).until(() -> subscriber.count() == 1);

                network.cut();
                await("the loss is noticed").atMost(Duration.ofSeconds(5)).until(() -> !publisher.isConnected());
                for (int i = 1; i <= 50; i++) {
                    assertTrue(publisher.publish(message(i)), "accepted while disconnected");
                }
                assertEquals(50, publisher.buffered(), "held while the broker is away");
                assertEquals(1, subscriber.count(), "nothing gets through while the network is cut");

                network.restore();
                await("everything arrives after the reconnect").atMost(Duration.ofSeconds(15))
                        .until(() -> subscriber.count() == 51);
                Set<String> received = subscriber.messages().stream()
                        .map(m -> new String(m.payload(), StandardCharsets.UTF_8)).collect(Collectors.toSet());
                assertEquals(51, received.size(), "each exactly once");
                assertEquals(1, publisher.reconnects());
            }
        }
    }

    private static Message message(int i) {
        return new Message(NativeFormat.topic("pir-" + i), ("{\"occupied\":true,\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8), 1);
    }
}
