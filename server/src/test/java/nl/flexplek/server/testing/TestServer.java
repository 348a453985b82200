package nl.flexplek.server.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import nl.flexplek.server.App;
import nl.flexplek.server.identity.NewAccount;
import nl.flexplek.server.identity.Role;

/**
 * A real Flexplek server for a test: its own SQLite file in a temp directory, a free port, a {@link MutableClock},
 * and the small test estate from {@code test-estate.yaml} with a few accounts. Also a tiny HTTP client for the API
 * and an MQTT publisher for sensor messages. Closing it removes the temp directory with the database.
 */
public final class TestServer implements AutoCloseable {
    /** Monday 23 November 2026, 08:00 in Amsterdam. */
    public static final Instant MONDAY_8AM = Instant.parse("2026-11-23T07:00:00Z");
    public static final String PASSWORD = "correct horse battery";

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Path dir;
    private final Map<String, String> overrides;
    public final MutableClock clock;
    private App app;
    private int stoppedPort;
    private org.eclipse.paho.client.mqttv3.MqttClient publisher;

    private TestServer(Path dir, MutableClock clock, Map<String, String> overrides) {
        this.dir = dir;
        this.clock = clock;
        this.overrides = overrides;
        this.app = App.start(config(), clock);
        awaitMqtt();
    }

    /** The MQTT client connects in the background; tests start once it is there. */
    private void awaitMqtt() {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> app.mqttConnected());
    }

    /** A server with the test estate and accounts alice, bob (employees), carol (manager), kiosk-town-hall. */
    public static TestServer start() {
        return start(Map.of());
    }

    public static TestServer start(Map<String, String> extraConfig) {
        try {
            Path dir = Files.createTempDirectory("flexplek-test");
            Path estate = dir.resolve("estate.yaml");
            try (var in = TestServer.class.getResourceAsStream("/test-estate.yaml")) {
                Files.copy(in, estate);
            }
            Map<String, String> config = new HashMap<>();
            config.put("server.port", "0");
            config.put("server.host", "127.0.0.1");
            config.put("flexplek.database.url", "jdbc:sqlite:" + dir.resolve("flexplek.db"));
            config.put("flexplek.estate-file", estate.toString());
            config.put("flexplek.mqtt.embedded.port", "0");
            // Ticks come from the tests (app.occupancy().tick()), not from the wall clock.
            config.put("flexplek.occupancy.tick-interval", "PT1H");
            config.putAll(extraConfig);
            TestServer server = new TestServer(dir, new MutableClock(MONDAY_8AM), config);
            server.app.identity().ensureAccounts(List.of(
                    new NewAccount("alice", "Alice Jansen", Role.EMPLOYEE, "ICT", "town-hall", PASSWORD),
                    new NewAccount("bob", "Bob de Vries", Role.EMPLOYEE, "ICT", "town-hall", PASSWORD),
                    new NewAccount("carol", "Carol Bakker", Role.FACILITY_MANAGER, "Facilities", "town-hall", PASSWORD),
                    new NewAccount("kiosk-town-hall", "Kiosk entrance", Role.KIOSK, null, "town-hall", PASSWORD)));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Config config() {
        return config(overrides);
    }

    private static Config config(Map<String, String> values) {
        return Config.just(ConfigSources.create(values), ConfigSources.classpath("application.yaml"));
    }

    /** Stops the server and starts a new one on the same database file (and a new port). */
    public void restart() {
        app.close();
        app = App.start(config(), clock);
        awaitMqtt();
    }

    /**
     * Stops the server as a power cut or a deployment would, keeping its database and port, so that pages which had
     * it open can be seen losing it and, after {@link #startAgain()}, finding it again by themselves.
     */
    public void stop() {
        stoppedPort = app.port();
        app.close();
    }

    /** Starts the stopped server again on the same port and database file. */
    public void startAgain() {
        if (stoppedPort == 0) {
            throw new IllegalStateException("The server is not stopped");
        }
        Map<String, String> samePort = new HashMap<>(overrides);
        samePort.put("server.port", Integer.toString(stoppedPort));
        app = App.start(config(samePort), clock);
        stoppedPort = 0;
        awaitMqtt();
    }

    /** Publishes one message, QoS 1, on the broker the server listens to (the embedded one unless configured otherwise). */
    public void publish(String topic, String payload) {
        try {
            if (publisher == null || !publisher.isConnected()) {
                if (publisher != null) {
                    publisher.close(true); // its broker went away with a stopped server
                }
                publisher = new org.eclipse.paho.client.mqttv3.MqttClient(brokerUri(), "test-publisher-" + System.nanoTime(),
                        new org.eclipse.paho.client.mqttv3.persist.MemoryPersistence());
                // Paho counts a message in flight until its acknowledgement is processed, which can lag behind the
                // publish call returning; a wide window keeps a burst of set-up messages from being refused (32202).
                org.eclipse.paho.client.mqttv3.MqttConnectOptions options = new org.eclipse.paho.client.mqttv3.MqttConnectOptions();
                options.setMaxInflight(1000);
                publisher.connect(options);
            }
            publisher.publish(topic, payload.getBytes(java.nio.charset.StandardCharsets.UTF_8), 1, false);
        } catch (org.eclipse.paho.client.mqttv3.MqttException e) {
            throw new IllegalStateException("Publishing to " + brokerUri() + " failed", e);
        }
    }

    /**
     * Moves the clock to this day and local time at the test estate's sites (Amsterdam) and runs the occupancy tick
     * that the wall clock would have run by then.
     */
    public void at(LocalDate day, String localTime) {
        clock.set(ZonedDateTime.of(day, LocalTime.parse(localTime), AMSTERDAM).toInstant());
        app.occupancy().tick();
    }

    /** Publishes a sensor's state in the native format, on {@code flexplek/sensors/<sensorId>/state}. */
    public void sensor(String sensorId, String json) {
        publish("flexplek/sensors/" + sensorId + "/state", json);
    }

    public String brokerUri() {
        return overrides.getOrDefault("flexplek.mqtt.url", "tcp://127.0.0.1:" + app.embeddedBrokerPort().orElseThrow());
    }

    /** Publishes with a short-lived Paho client, QoS 1, so the broker has the message when this returns. */
    public static void publish(String brokerUri, String topic, String payload) {
        try (var client = new org.eclipse.paho.client.mqttv3.MqttClient(brokerUri,
                "test-" + System.nanoTime(), new org.eclipse.paho.client.mqttv3.persist.MemoryPersistence())) {
            client.connect();
            client.publish(topic, payload.getBytes(java.nio.charset.StandardCharsets.UTF_8), 1, false);
            client.disconnect();
        } catch (org.eclipse.paho.client.mqttv3.MqttException e) {
            throw new IllegalStateException("Publishing to " + brokerUri + " failed", e);
        }
    }

    public App app() {
        return app;
    }

    public Path databaseFile() {
        return dir.resolve("flexplek.db");
    }

    public String url(String path) {
        return "http://127.0.0.1:" + app.port() + path;
    }

    /** Logs in and returns the bearer token. */
    public String login(String username) {
        return login(username, PASSWORD);
    }

    public String login(String username, String password) {
        Response res = post("/api/v1/sessions", null, Map.of("username", username, "password", password));
        if (res.status() != 201) {
            throw new IllegalStateException("Login of " + username + " failed: " + res.status() + " " + res.body());
        }
        return res.json().get("token").asText();
    }

    public Response get(String path, String token) {
        return send(request(path, token).GET());
    }

    public Response delete(String path, String token) {
        return send(request(path, token).DELETE());
    }

    public Response post(String path, String token, Object body) {
        return send(request(path, token).header("Content-Type", "application/json").POST(body(body)));
    }

    public Response post(String path, String token, Object body, Map<String, String> headers) {
        HttpRequest.Builder builder = request(path, token).header("Content-Type", "application/json").POST(body(body));
        headers.forEach(builder::header);
        return send(builder);
    }

    public Response put(String path, String token, Object body) {
        return send(request(path, token).header("Content-Type", "application/json").PUT(body(body)));
    }

    public Response patch(String path, String token, Object body) {
        return send(request(path, token).header("Content-Type", "application/json").method("PATCH", body(body)));
    }

    /** Sends exactly these bytes with this content type, for malformed-input tests. */
    public Response raw(String method, String path, String token, String contentType, byte[] body) {
        HttpRequest.Builder builder = request(path, token).method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        return send(builder);
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(30));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private static HttpRequest.BodyPublisher body(Object body) {
        try {
            return HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Response send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> res = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(res.statusCode(), res.headers().firstValue("Content-Type").orElse(""), res.body(),
                    res.headers().map());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }


    @Override
    public void close() {
        if (publisher != null) {
            try {
                publisher.disconnectForcibly(100, 100);
                publisher.close();
            } catch (org.eclipse.paho.client.mqttv3.MqttException e) {
                // the broker is going away with the server
            }
        }
        try {
            if (stoppedPort == 0) {
                app.close();
            }
        } finally {
            deleteDirectory(dir);
        }
    }

    private static void deleteDirectory(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not remove the test server's directory " + dir, e);
        }
    }

    /** An HTTP answer. */
    public record Response(int status, String contentType, String body, Map<String, List<String>> headers) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("Not JSON: " + body, e);
            }
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst()).findFirst().orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
