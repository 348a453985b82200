package nl.flexplek.server.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import nl.flexplek.server.App;
import nl.flexplek.server.estate.Resource;
import nl.flexplek.server.estate.ResourceType;
import nl.flexplek.server.testing.MutableClock;
import nl.flexplek.testing.Browser;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * Kiosk latency benchmark (not a test): how long from a sensor's MQTT message to the change in the entrance
 * screen's page. A real server with the demo estate, its embedded broker, and headless Chromium on the town hall's
 * kiosk page. Sensor messages that each flip one desk (nobody there → someone there) are published one at a time,
 * a little apart; a MutationObserver in the page notes {@code Date.now()} when that desk's element on the floor map
 * changes state, and that is compared with {@code System.currentTimeMillis()} just before the publish (same
 * machine, same clock). Between rounds the test clock moves past the presence hold so the desks are free again.
 * <p>
 * Run: {@code mvn -q -B -pl server -Pbench test-compile exec:exec -Dbench.class=KioskLatencyBenchmark}
 * ({@code -Dbench.args=500} for another number of messages).
 */
public final class KioskLatencyBenchmark {
    private static final int DEFAULT_MESSAGES = 200;
    private static final long GAP_MILLIS = 40;
    private static final String SITE = "stadhuis";
    /** Monday 23 November 2026, 10:00 in Amsterdam: the town hall is open and today's demo bookings are known. */
    private static final Instant START = Instant.parse("2026-11-23T09:00:00Z");
    private static final String RECORD_FLIPS = """
            window.flips = [];
            new MutationObserver((records) => {
              const now = Date.now();
              for (const record of records) {
                window.flips.push([record.target.dataset.id, record.target.dataset.state, now]);
              }
            }).observe(document.getElementById('maps'), {attributes: true, attributeFilter: ['data-state'], subtree: true});
            """;

    private KioskLatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int messages = args.length > 0 && !args[0].isBlank() ? Integer.parseInt(args[0].trim()) : DEFAULT_MESSAGES;
        Logger.getLogger("").setLevel(Level.WARNING);
        Arrays.stream(Logger.getLogger("").getHandlers()).forEach(h -> h.setLevel(Level.WARNING));
        Logger.getLogger("io.moquette").setLevel(Level.SEVERE);
        Path dir = Files.createTempDirectory("flexplek-kiosk-bench");
        Config config = Config.just(ConfigSources.create(Map.of(
                "server.port", "0",
                "server.host", "127.0.0.1",
                "flexplek.demo", "true",
                "flexplek.demo-history-weeks", "1",
                "flexplek.database.url", "jdbc:sqlite:" + dir.resolve("bench.db"),
                "flexplek.mqtt.embedded.port", "0",
                // The benchmark moves time itself; no background tick should free desks mid-round.
                "flexplek.occupancy.tick-interval", "PT1H")), ConfigSources.classpath("application.yaml"));
        MutableClock clock = new MutableClock(START);
        App app = App.start(config, clock);
        try {
            while (!app.mqttConnected()) {
                LockSupport.parkNanos(10_000_000L);
            }
            String base = "http://127.0.0.1:" + app.port();
            List<Resource> desks = freeDesksWithSensors(app);
            System.out.printf("Flexplek kiosk latency benchmark: %d cores shared by server, broker, publisher and Chromium; "
                    + "%d messages over %d desks of the %s, one every %d ms%n", Runtime.getRuntime().availableProcessors(),
                    messages, desks.size(), SITE, GAP_MILLIS);

            String token = login(base, "kiosk-" + SITE, "demo");
            List<Long> samples = new ArrayList<>();
            int lost = 0;
            MqttClient publisher = new MqttClient("tcp://127.0.0.1:" + app.embeddedBrokerPort().orElseThrow(),
                    "kiosk-bench-" + System.nanoTime(), new MemoryPersistence());
            MqttConnectOptions options = new MqttConnectOptions();
            options.setMaxInflight(1_000);
            publisher.connect(options);
            try (Browser browser = Browser.open(1920, 1080, "en")) {
                browser.get(base + "/kiosk/" + SITE + "?token=" + token + "&lang=en");
                awaitOnline(browser);
                browser.script(RECORD_FLIPS);

                int sent = 0;
                while (sent < messages) {
                    int round = Math.min(desks.size(), messages - sent);
                    Map<String, Long> publishedAt = new HashMap<>();
                    for (Resource desk : desks.subList(0, round)) {
                        long now = System.currentTimeMillis();
                        publishedAt.put(desk.id(), now);
                        publisher.publish(topic(desk), "{\"occupied\":true}".getBytes(StandardCharsets.UTF_8), 1, false);
                        LockSupport.parkNanos(GAP_MILLIS * 1_000_000L);
                    }
                    sent += round;
                    lost += collect(browser, publishedAt, samples);
                    freeAgain(app, clock, publisher, browser, desks.subList(0, round));
                }
            } finally {
                publisher.disconnectForcibly(100, 100);
                publisher.close();
            }
            report(samples, lost);
        } finally {
            app.close();
        }
        System.exit(0);
    }

    /** Desks of the site that have a sensor and no booking now, so one presence message makes each a walk-in. */
    private static List<Resource> freeDesksWithSensors(App app) {
        return app.estate().estate().resources().values().stream()
                .filter(r -> r.type() == ResourceType.DESK && SITE.equals(r.siteId()) && r.sensorId() != null)
                .filter(r -> app.occupancy().resource(r.id()).map(s -> switch (s.state().code()) {
                    case "free", "offline" -> true;
                    default -> false;
                }).orElse(false))
                .sorted(java.util.Comparator.comparing(Resource::id))
                .toList();
    }

    private static String topic(Resource desk) {
        return "flexplek/sensors/" + desk.sensorId() + "/state";
    }

    /** Waits until every desk of the round has shown up as a walk-in in the page; returns how many never did. */
    private static int collect(Browser browser, Map<String, Long> publishedAt, List<Long> samples) {
        Map<String, Long> waiting = new HashMap<>(publishedAt);
        long deadline = System.currentTimeMillis() + 30_000;
        while (!waiting.isEmpty() && System.currentTimeMillis() < deadline) {
            for (Object flip : (List<?>) browser.script("return window.flips.splice(0);")) {
                List<?> f = (List<?>) flip;
                String id = (String) f.get(0);
                long seen = ((Number) f.get(2)).longValue();
                Long published = waiting.get(id);
                // A walk-in, or in use if a booking of the desk began meanwhile: either way, the screen changed.
                boolean occupied = "walk-in".equals(f.get(1)) || "in-use".equals(f.get(1));
                if (occupied && published != null && seen >= published) {
                    samples.add(seen - published);
                    waiting.remove(id);
                }
            }
            LockSupport.parkNanos(50_000_000L);
        }
        return waiting.size();
    }

    /** Nobody at the desks any more, and the presence hold passes: they are free again (not measured). */
    private static void freeAgain(App app, MutableClock clock, MqttClient publisher, Browser browser, List<Resource> desks)
            throws Exception {
        for (Resource desk : desks) {
            publisher.publish(topic(desk), "{\"occupied\":false}".getBytes(StandardCharsets.UTF_8), 1, false);
        }
        long deadline = System.currentTimeMillis() + 30_000;
        while (desks.stream().anyMatch(d -> app.occupancy().resource(d.id()).map(s -> !s.state().code().equals("free"))
                .orElse(true)) && System.currentTimeMillis() < deadline) {
            clock.advance(Duration.ofMinutes(16));
            app.occupancy().tick();
            LockSupport.parkNanos(200_000_000L);
        }
        String js = "return document.querySelectorAll('#maps [data-state=\"walk-in\"]').length;";
        while (((Number) browser.script(js)).intValue() > 0 && System.currentTimeMillis() < deadline) {
            LockSupport.parkNanos(100_000_000L);
        }
        browser.script("window.flips.splice(0);");
    }

    private static void awaitOnline(Browser browser) {
        long deadline = System.currentTimeMillis() + 30_000;
        while (!"online".equals(browser.script("return document.getElementById('kiosk').dataset.connection;"))) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("The kiosk page did not come online");
            }
            LockSupport.parkNanos(100_000_000L);
        }
    }

    private static String login(String base, String username, String password) throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/api/v1/sessions"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json = new ObjectMapper().readTree(answer.body());
        return json.get("token").asText();
    }

    private static void report(List<Long> samples, int lost) {
        long[] sorted = samples.stream().mapToLong(Long::longValue).sorted().toArray();
        if (sorted.length == 0) {
            System.out.println("no change reached the page");
            return;
        }
        long p50 = sorted[(int) Math.ceil(0.50 * sorted.length) - 1];
        long p99 = sorted[(int) Math.ceil(0.99 * sorted.length) - 1];
        long max = sorted[sorted.length - 1];
        System.out.printf(Locale.ROOT, "publish -> desk changed in the kiosk page's DOM: p50 %d ms, p99 %d ms, max %d ms "
                + "(%d samples, %d never arrived)%n", p50, p99, max, sorted.length, lost);
        System.out.printf(Locale.ROOT, "target: p99 < 1,000 ms (%s)%n", p99 < 1_000 && lost == 0 ? "met" : "NOT met");
    }
}
