package nl.flexplek.server.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import nl.flexplek.server.App;
import nl.flexplek.server.estate.Resource;
import nl.flexplek.server.occupancy.EmbeddedBroker;
import nl.flexplek.server.occupancy.SiteEvent;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * Sensor ingest benchmark (not a test): the demo estate's sensors flood the embedded broker and the server applies
 * every message to the live state, storing state changes. It prints
 * <ol>
 * <li>the sustained ingest rate: the highest steady offered rate the server applies (almost) all of, in time,</li>
 * <li>publish-to-live-state latency p50/p99 at 1,000 msg/s (vehicle state-of-charge updates, each one a site event),</li>
 * <li>the receive rate of a bare Paho subscriber on the same kind of broker under the same flood, and the ratio.</li>
 * </ol>
 * Server, broker and publishers share the machine's cores; the figures say so.
 * <p>
 * Run: {@code mvn -q -B -pl server -Pbench test-compile exec:exec -Dbench.class=IngestBenchmark}
 */
public final class IngestBenchmark {
    private static final int FLOOD_SECONDS = 20;
    private static final int PUBLISHERS = 4;
    private static final int LATENCY_RATE = 1_000;
    private static final int LATENCY_SECONDS = 15;

    private IngestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Logger.getLogger("").setLevel(Level.WARNING);
        Arrays.stream(Logger.getLogger("").getHandlers()).forEach(h -> h.setLevel(Level.WARNING));
        Path dir = Files.createTempDirectory("flexplek-ingest-bench");
        Config config = Config.just(ConfigSources.create(Map.of(
                "server.port", "0",
                "flexplek.demo", "true",
                "flexplek.demo-history-weeks", "1",
                "flexplek.database.url", "jdbc:sqlite:" + dir.resolve("bench.db"),
                "flexplek.mqtt.embedded.port", "0")), ConfigSources.classpath("application.yaml"));
        Logger.getLogger("nl.flexplek").setLevel(Level.WARNING);
        // Moquette logs every QoS 0 message it drops for a slow subscriber; that storm would measure the console.
        Logger.getLogger("io.moquette").setLevel(Level.parse(System.getProperty("moquette.log", "SEVERE")));
        App app = App.start(config, Clock.systemUTC());
        try {
            while (!app.mqttConnected()) {
                LockSupport.parkNanos(10_000_000L);
            }
            String broker = "tcp://127.0.0.1:" + app.embeddedBrokerPort().orElseThrow();
            List<Resource> sensored = app.estate().estate().resources().values().stream()
                    .filter(r -> r.sensorId() != null).toList();
            List<String> presence = sensored.stream().filter(r -> !r.type().isVehicle()).map(Resource::sensorId).toList();
            List<String> vehicles = sensored.stream().filter(r -> r.type().isVehicle()).map(Resource::sensorId).toList();
            System.out.printf("Flexplek ingest benchmark: %d cores shared by server, embedded broker and publishers; %d sensors%n",
                    Runtime.getRuntime().availableProcessors(), sensored.size());

            flood(broker, presence, 2, 5_000); // warm-up
            untilQuiet(app.occupancy()::messagesApplied);
            double ingestRate = sustained("server (decode, live state, events, storage)", broker, presence,
                    app.occupancy()::messagesApplied);
            System.out.printf("  (server received %,d messages from the broker, applied %,d)%n",
                    app.occupancy().messagesReceived(), app.occupancy().messagesApplied());

            double[] latency = latency(app, broker, vehicles);
            System.out.printf("publish -> live state at %,d msg/s: p50 %.2f ms, p99 %.2f ms, max %.2f ms (%,d samples)%n",
                    LATENCY_RATE, latency[0], latency[1], latency[2], (long) latency[3]);

            double bareRate;
            try (EmbeddedBroker bare = new EmbeddedBroker("127.0.0.1", 0)) {
                String bareUri = "tcp://127.0.0.1:" + bare.port();
                AtomicLong received = new AtomicLong();
                MqttClient subscriber = subscriber(bareUri, received);
                flood(bareUri, presence, 2, 5_000);
                untilQuiet(received::get);
                bareRate = sustained("bare Paho subscriber (counts only)", bareUri, presence, received::get);
                subscriber.disconnectForcibly(100, 100);
                subscriber.close();
            }
            System.out.printf("ratio server / bare subscriber: %.2f%n", ingestRate / bareRate);
            System.out.println();
            System.out.printf("targets: >= 10,000 msg/s sustained (%s), ratio >= 0.7 (%s), p99 < 50 ms (%s)%n",
                    ingestRate >= 10_000 ? "met" : "NOT met", ingestRate / bareRate >= 0.7 ? "met" : "NOT met",
                    latency[1] < 50 ? "met" : "NOT met");
        } finally {
            app.close();
        }
        System.exit(0);
    }

    private record Flood(long sent, double seconds, long startNanos) {
    }

    private static final int[] RATES = {5_000, 10_000, 15_000, 20_000, 25_000, 27_500, 30_000, 35_000, 40_000, 50_000};
    private static final int STEP_SECONDS = 8;

    /**
     * Offers rising steady rates and returns the highest rate the consumer kept up with: at least 99% of the messages
     * arrived and none were still arriving a second after the publishers stopped being counted as backlog.
     */
    private static double sustained(String who, String broker, List<String> sensors, java.util.function.LongSupplier counter)
            throws Exception {
        double best = 0;
        for (int rate : RATES) {
            long before = counter.getAsLong();
            Flood flood = flood(broker, sensors, STEP_SECONDS, rate);
            long[] quiet = untilQuiet(counter);
            long got = quiet[0] - before;
            double offered = flood.sent() / flood.seconds();
            double share = got / (double) flood.sent();
            double lag = (quiet[1] - flood.startNanos()) / 1e9 - flood.seconds();
            System.out.printf("  %s: offered %,6.0f msg/s, received %5.1f%%, last message %.2f s after the publishers stopped%n",
                    who, offered, share * 100, Math.max(0, lag));
            boolean keptUp = share >= 0.99 && lag < 1.0;
            if (!keptUp) {
                break; // the consumer fell behind
            }
            best = offered;
            if (offered < rate * 0.95) {
                System.out.printf("  (the publishers could not offer more on this machine; the consumer kept up)%n");
                break;
            }
        }
        System.out.printf("%s: sustained %,.0f msg/s%n", who, best);
        return best;
    }

    /** Waits until the counter has not moved for a second; returns its value and when it last moved (nanoTime). */
    private static long[] untilQuiet(java.util.function.LongSupplier counter) {
        long lastProgress = System.nanoTime();
        long seen = -1;
        while (System.nanoTime() - lastProgress < 1_000_000_000L) {
            long now = counter.getAsLong();
            if (now != seen) {
                seen = now;
                lastProgress = System.nanoTime();
            }
            LockSupport.parkNanos(20_000_000L);
        }
        return new long[]{seen, lastProgress};
    }

    /** Publishers send presence flips for all sensors as fast as the broker takes them, for a number of seconds. */
    private static Flood flood(String broker, List<String> sensors, int seconds, int rate) throws Exception {
        List<MqttClient> clients = new ArrayList<>();
        for (int i = 0; i < PUBLISHERS; i++) {
            clients.add(publisher(broker));
        }
        AtomicLong sent = new AtomicLong();
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < PUBLISHERS; p++) {
            MqttClient client = clients.get(p);
            int offset = p;
            threads.add(Thread.ofPlatform().start(() -> {
                byte[] on = "{\"occupied\":true,\"battery\":90}".getBytes(StandardCharsets.UTF_8);
                byte[] off = "{\"occupied\":false,\"battery\":90}".getBytes(StandardCharsets.UTF_8);
                long n = 0;
                long perThread = rate / PUBLISHERS;
                while (System.nanoTime() < end) {
                    // Paced in bursts of 50 so the pacing itself costs little CPU.
                    if (n % 50 == 0) {
                        long due = start + n * 1_000_000_000L / perThread;
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            LockSupport.parkNanos(wait);
                        }
                    }
                    String sensor = sensors.get((int) ((n * PUBLISHERS + offset) % sensors.size()));
                    try {
                        client.publish("flexplek/sensors/" + sensor + "/state", (n & 1) == 0 ? on : off, 0, false);
                        n++;
                    } catch (MqttException e) {
                        LockSupport.parkNanos(1_000_000L); // in-flight window full: let the broker catch up
                    }
                }
                sent.addAndGet(n);
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        double took = (System.nanoTime() - start) / 1e9;
        for (MqttClient client : clients) {
            client.disconnect(5_000);
            client.close();
        }
        return new Flood(sent.get(), took, start);
    }

    /** Vehicle charge updates at a steady rate; each changes the live state, so each is timed to its site event. */
    private static double[] latency(App app, String broker, List<String> vehicles) throws Exception {
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        List<Long> samples = java.util.Collections.synchronizedList(new ArrayList<>());
        AutoCloseable subscription = app.siteEvents().subscribe((SiteEvent e) -> {
            if (e.resource().soc() != null && e.resource().sensor() != null) {
                Long t0 = sentAt.remove(e.resource().sensor().id() + ":" + e.resource().soc());
                if (t0 != null) {
                    samples.add(System.nanoTime() - t0);
                }
            }
        });
        MqttClient client = publisher(broker);
        long interval = 1_000_000_000L / LATENCY_RATE;
        long next = System.nanoTime();
        int total = LATENCY_RATE * LATENCY_SECONDS;
        for (int i = 0; i < total; i++) {
            String sensor = vehicles.get(i % vehicles.size());
            int soc = (i / vehicles.size()) % 101;
            while (System.nanoTime() < next) {
                LockSupport.parkNanos(50_000L);
            }
            sentAt.put(sensor + ":" + soc, System.nanoTime());
            client.publish("flexplek/sensors/" + sensor + "/state",
                    ("{\"present\":true,\"plugged\":true,\"soc\":" + soc + "}").getBytes(StandardCharsets.UTF_8), 0, false);
            next += interval;
        }
        long wait = System.nanoTime() + 5_000_000_000L;
        while (samples.size() < total * 0.99 && System.nanoTime() < wait) {
            LockSupport.parkNanos(10_000_000L);
        }
        subscription.close();
        client.disconnect(5_000);
        client.close();
        long[] sorted;
        synchronized (samples) {
            sorted = samples.stream().mapToLong(Long::longValue).sorted().toArray();
        }
        return new double[]{sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.99)] / 1e6,
                sorted[sorted.length - 1] / 1e6, sorted.length};
    }

    private static MqttClient publisher(String broker) throws MqttException {
        MqttClient client = new MqttClient(broker, "bench-" + System.nanoTime(), new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMaxInflight(10_000);
        options.setCleanSession(true);
        client.connect(options);
        return client;
    }

    private static MqttClient subscriber(String broker, AtomicLong received) throws MqttException {
        MqttClient client = new MqttClient(broker, "bench-bare-" + System.nanoTime(), new MemoryPersistence());
        client.setCallback(new MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                received.incrementAndGet();
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
            }
        });
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMaxInflight(10_000);
        client.connect(options);
        client.subscribe("flexplek/sensors/+/state", 1);
        return client;
    }
}
