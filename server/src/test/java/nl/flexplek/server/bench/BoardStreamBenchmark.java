package nl.flexplek.server.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * What hundreds of open kiosk screens cost (not a test). The server runs in its own JVM with the demo estate, so
 * its heap, resident memory and CPU time are its own; this program opens the event streams (as kiosks of every
 * site, spread evenly), plays a steady sensor load and prints
 * <ol>
 * <li>heap (after a full GC) and resident memory per open stream,</li>
 * <li>the server's CPU use under the same sensor load with no streams and with all streams open,</li>
 * <li>events delivered per second across the streams, and how long a sensor message takes to reach every stream
 * of its site (p50/p99 over probe messages of the worst stream's arrival).</li>
 * </ol>
 * Run: {@code mvn -q -B -pl server -Pbench test-compile exec:exec -Dbench.class=BoardStreamBenchmark}
 * ({@code -Dbench.args=1000} for another number of streams).
 */
public final class BoardStreamBenchmark {
    private static final int DEFAULT_STREAMS = 500;
    private static final int LOAD_SECONDS = 20;
    private static final int PRESENCE_PER_SECOND = 400;
    private static final int VEHICLE_PER_SECOND = 20;
    private static final int PROBES = 40;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private BoardStreamBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int streams = args.length > 0 && !args[0].isBlank() ? Integer.parseInt(args[0].trim()) : DEFAULT_STREAMS;
        int httpPort = freePort();
        int mqttPort = freePort();
        Path dir = Files.createTempDirectory("flexplek-board-bench");
        Process server = startServer(httpPort, mqttPort, dir);
        String base = "http://127.0.0.1:" + httpPort;
        try {
            awaitReady(base);
            long pid = server.pid();
            System.out.printf("Flexplek board stream benchmark: %d cores; server in its own JVM (pid %d, %s)%n",
                    Runtime.getRuntime().availableProcessors(), pid, System.getProperty("java.version"));
            String manager = login(base, "manager");
            List<Sensor> sensors = sensors(base, manager);
            List<String> sites = sensors.stream().map(Sensor::siteId).distinct().sorted().toList();
            Map<String, String> kioskTokens = new ConcurrentHashMap<>();
            for (String site : sites) {
                kioskTokens.put(site, login(base, "kiosk-" + site));
            }
            List<String> presence = sensors.stream().filter(s -> s.kind().equals("presence")).map(Sensor::id).toList();
            List<Sensor> vehicles = sensors.stream().filter(s -> s.kind().equals("vehicle")).toList();
            MqttClient publisher = publisher("tcp://127.0.0.1:" + mqttPort);

            play(publisher, presence, vehicles, 5); // warm-up: JIT, caches, every sensor heard once
            Memory idle = memory(pid);
            double cpuWithout = cpuWhile(pid, () -> play(publisher, presence, vehicles, LOAD_SECONDS));

            List<Stream<String>> open = new CopyOnWriteArrayList<>();
            AtomicLong events = new AtomicLong();
            Map<Integer, List<Long>> probeArrivals = new ConcurrentHashMap<>();
            Sensor probe = vehicles.getFirst();
            int probeStreams = 0;
            CountDownLatch connected = new CountDownLatch(streams);
            for (int i = 0; i < streams; i++) {
                String site = sites.get(i % sites.size());
                probeStreams += site.equals(probe.siteId()) ? 1 : 0;
                openStream(base, site, kioskTokens.get(site), open, events, connected,
                        site.equals(probe.siteId()) ? probeArrivals : null);
            }
            if (!connected.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("only " + (streams - connected.getCount()) + " streams connected");
            }
            Memory withStreams = memory(pid);
            long eventsBefore = events.get();
            double cpuWith = cpuWhile(pid, () -> play(publisher, presence, vehicles, LOAD_SECONDS));
            double eventsPerSecond = (events.get() - eventsBefore) / (double) LOAD_SECONDS;

            List<Double> worst = new ArrayList<>();
            List<Double> median = new ArrayList<>();
            for (int n = 0; n < PROBES; n++) {
                int soc = 1 + n; // a value the load never sends, so the arrival is this probe's
                long sent = System.nanoTime();
                publisher.publish("flexplek/sensors/" + probe.id() + "/state",
                        ("{\"present\": true, \"plugged\": true, \"soc\": " + soc + "}").getBytes(), 0, false);
                long deadline = sent + TimeUnit.SECONDS.toNanos(10);
                while (probeArrivals.getOrDefault(soc, List.of()).size() < probeStreams && System.nanoTime() < deadline) {
                    LockSupport.parkNanos(1_000_000L);
                }
                List<Long> arrivals = new ArrayList<>(probeArrivals.getOrDefault(soc, List.of()));
                Collections.sort(arrivals);
                if (arrivals.size() == probeStreams) {
                    worst.add((arrivals.getLast() - sent) / 1e6);
                    median.add((arrivals.get(arrivals.size() / 2) - sent) / 1e6);
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
            }
            Collections.sort(worst);
            Collections.sort(median);

            System.out.printf("open streams: %,d over %d sites (kiosk tokens), all connected%n", streams, sites.size());
            System.out.printf("server heap after full GC: %,.1f MB idle -> %,.1f MB with the streams: %,.1f KB per stream%n",
                    idle.heapKb() / 1024.0, withStreams.heapKb() / 1024.0, (withStreams.heapKb() - idle.heapKb()) / (double) streams);
            System.out.printf("server resident memory: %,.1f MB -> %,.1f MB: %,.1f KB per stream; threads %d -> %d%n",
                    idle.rssKb() / 1024.0, withStreams.rssKb() / 1024.0, (withStreams.rssKb() - idle.rssKb()) / (double) streams,
                    idle.threads(), withStreams.threads());
            System.out.printf("sensor load %d presence + %d vehicle msg/s for %d s: server CPU %.1f%% of one core without streams, "
                    + "%.1f%% with %,d streams%n", PRESENCE_PER_SECOND, VEHICLE_PER_SECOND, LOAD_SECONDS,
                    cpuWithout * 100, cpuWith * 100, streams);
            System.out.printf("events delivered: %,.0f per second across all streams%n", eventsPerSecond);
            System.out.printf("sensor message -> event at every stream of its site (%d streams), %d probes: "
                            + "median stream p50 %.1f ms; last stream p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    probeStreams, worst.size(), percentile(median, 50), percentile(worst, 50), percentile(worst, 99),
                    worst.isEmpty() ? Double.NaN : worst.getLast());
            open.forEach(Stream::close);
            publisher.disconnectForcibly(100, 100);
        } finally {
            server.destroy();
            server.waitFor(20, TimeUnit.SECONDS);
        }
        System.exit(0);
    }

    record Sensor(String id, String kind, String siteId) {
    }

    record Memory(long heapKb, long rssKb, int threads) {
    }

    private static Process startServer(int httpPort, int mqttPort, Path dir) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-Xmx1g",
                "-Dflexplek.demo=true", "-Dflexplek.demo-history-weeks=1",
                "-Dflexplek.database.url=jdbc:sqlite:" + dir.resolve("bench.db"),
                "-Dserver.port=" + httpPort, "-Dflexplek.mqtt.embedded.port=" + mqttPort,
                "-cp", System.getProperty("java.class.path"), "nl.flexplek.server.Main");
        builder.redirectErrorStream(true).redirectOutput(dir.resolve("server.log").toFile());
        return builder.start();
    }

    private static void awaitReady(String base) {
        org.awaitility.Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(250))
                .ignoreExceptions()
                .until(() -> HTTP.send(HttpRequest.newBuilder(URI.create(base + "/observe/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
    }

    private static String login(String base, String username) throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/sessions"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + username + "\",\"password\":\"demo\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(answer.body()).get("token").asText();
    }

    private static List<Sensor> sensors(String base, String token) throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/sensors"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        List<Sensor> sensors = new ArrayList<>();
        for (JsonNode sensor : JSON.readTree(answer.body()).get("sensors")) {
            if (sensor.hasNonNull("resourceId") && sensor.hasNonNull("kind")) {
                sensors.add(new Sensor(sensor.get("id").asText(), sensor.get("kind").asText(), sensor.get("siteId").asText()));
            }
        }
        return sensors;
    }

    private static void openStream(String base, String site, String token, List<Stream<String>> open, AtomicLong events,
                                   CountDownLatch connected, Map<Integer, List<Long>> probeArrivals) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/sites/" + site + "/board/events?token=" + token))
                .header("Accept", "text/event-stream").build();
        HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofLines()).thenAccept(response -> {
            Stream<String> lines = response.body();
            open.add(lines);
            Thread.ofVirtual().start(() -> {
                Pattern soc = Pattern.compile("\"soc\":(\\d+)");
                try {
                    lines.forEach(line -> {
                        if (line.startsWith(":connected") || line.startsWith(": connected")) {
                            connected.countDown();
                        } else if (line.startsWith("event:")) {
                            events.incrementAndGet();
                        } else if (probeArrivals != null && line.startsWith("data:")) {
                            long now = System.nanoTime();
                            Matcher m = soc.matcher(line);
                            if (m.find()) {
                                probeArrivals.computeIfAbsent(Integer.parseInt(m.group(1)), k -> new CopyOnWriteArrayList<>()).add(now);
                            }
                        }
                    });
                } catch (RuntimeException e) {
                    // closed at the end
                }
            });
        });
    }

    /** Plays the steady load: presence reports (mostly no change) and vehicle charge updates (each one an event). */
    private static void play(MqttClient publisher, List<String> presence, List<Sensor> vehicles, int seconds) {
        long start = System.nanoTime();
        long sent = 0;
        int rate = PRESENCE_PER_SECOND + VEHICLE_PER_SECOND;
        try {
            while (System.nanoTime() - start < TimeUnit.SECONDS.toNanos(seconds)) {
                long due = start + sent * 1_000_000_000L / rate;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                if (sent % rate < VEHICLE_PER_SECOND) {
                    Sensor vehicle = vehicles.get((int) (sent % vehicles.size()));
                    int soc = 50 + (int) (sent % 50); // 50..99: never a probe value
                    publisher.publish("flexplek/sensors/" + vehicle.id() + "/state",
                            ("{\"present\": true, \"plugged\": true, \"soc\": " + soc + "}").getBytes(), 0, false);
                } else {
                    String sensor = presence.get((int) (sent % presence.size()));
                    publisher.publish("flexplek/sensors/" + sensor + "/state",
                            ("{\"occupied\": " + (sent / presence.size() % 2 == 0) + "}").getBytes(), 0, false);
                }
                sent++;
            }
        } catch (Exception e) {
            throw new IllegalStateException("publishing failed", e);
        }
    }

    /** The server's CPU use (share of one core) while {@code work} runs, from /proc. */
    private static double cpuWhile(long pid, Runnable work) throws IOException {
        long before = cpuTicks(pid);
        long start = System.nanoTime();
        work.run();
        long ticks = cpuTicks(pid) - before;
        double seconds = (System.nanoTime() - start) / 1e9;
        return ticks / 100.0 / seconds; // USER_HZ is 100 on Linux
    }

    private static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
    }

    private static Memory memory(long pid) throws Exception {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        run(jcmd, Long.toString(pid), "GC.run");
        String heap = run(jcmd, Long.toString(pid), "GC.heap_info");
        Matcher used = HEAP_USED.matcher(heap);
        long heapKb = used.find() ? Long.parseLong(used.group(1)) : -1;
        long rssKb = -1;
        int threads = -1;
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                rssKb = Long.parseLong(line.replaceAll("\\D", ""));
            } else if (line.startsWith("Threads:")) {
                threads = Integer.parseInt(line.replaceAll("\\D", ""));
            }
        }
        return new Memory(heapKb, rssKb, threads);
    }

    private static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes());
        process.waitFor(30, TimeUnit.SECONDS);
        return out;
    }

    private static MqttClient publisher(String broker) throws Exception {
        MqttClient client = new MqttClient(broker, "bench-board-" + System.nanoTime(), new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMaxInflight(10_000);
        options.setCleanSession(true);
        client.connect(options);
        return client;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static double percentile(List<Double> sorted, int p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
