package nl.flexplek.sim;

import com.fasterxml.jackson.databind.JsonNode;
import nl.flexplek.testing.Mosquitto;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The program as an operator runs it, against a real Mosquitto: it plays a small estate file on the native topics
 * with the real time in every message, spoils some messages when asked, and as a load generator delivers the
 * number of messages it promises.
 */
@Tag("broker")
class SimulatorEndToEndTest {
    private static final Path ESTATE = Path.of("src/test/resources/tiny-estate.yaml");
    private static final Set<String> SENSORS = Set.of("pir-th-1-d001", "pir-th-1-d002", "pir-th-1-d003",
            "cnt-th-1-r01", "veh-th-ecar-1");
    private static Mosquitto broker;

    @BeforeAll
    static void startBroker() throws IOException {
        broker = Mosquitto.start();
    }

    @AfterAll
    static void stopBroker() throws InterruptedException {
        broker.close();
    }

    @Test
    void playsTheEstatesSensors_onTheNativeTopics_withTheRealTime() throws Exception {
        try (Subscriber subscriber = new Subscriber(broker.url(), "flexplek/sensors/+/state")) {
            Run run = start("--broker", broker.url(), "--estate", ESTATE.toString(), "--speed", "600",
                    "--duration", "4", "--seed", "7");
            await("every sensor of the estate heard").atMost(Duration.ofSeconds(10))
                    .until(() -> sensorsHeard(subscriber.messages()).containsAll(SENSORS));
            assertEquals(0, run.exitCode(), run.output());

            List<Subscriber.Received> messages = subscriber.messages();
            assertEquals(SENSORS, sensorsHeard(messages), "only sensed resources publish (a desk without one stays quiet)");
            Instant now = Instant.now();
            for (Subscriber.Received m : messages) {
                assertTrue(!ServerRules.malformed(m.topic(), m.payload()), "valid without faults: " + text(m));
                JsonNode payload = Json.mapper().readTree(m.payload());
                Instant ts = Instant.parse(payload.path("ts").asText());
                // At 600x the simulated day is hours ahead; the message still carries the real time.
                assertTrue(Duration.between(ts, now).abs().compareTo(Duration.ofMinutes(1)) < 0, "real time: " + text(m));
            }
            assertTrue(messages.size() > SENSORS.size(), "heartbeats after the first hello: " + messages.size());
        }
    }

    @Test
    void withGarbage_someMalformedMessagesArriveAmongTheValidOnes() throws Exception {
        try (Subscriber subscriber = new Subscriber(broker.url(), "flexplek/sensors/+/state")) {
            Run run = start("--broker", broker.url(), "--estate", ESTATE.toString(), "--speed", "6000",
                    "--duration", "60", "--seed", "11", "--faults", "garbage");
            await("a malformed message").atMost(Duration.ofSeconds(30)).until(() -> subscriber.messages().stream()
                    .anyMatch(m -> ServerRules.malformed(m.topic(), m.payload())));
            await("enough to judge the mix").atMost(Duration.ofSeconds(30)).until(() -> subscriber.count() >= 200);
            run.stop().request();
            assertEquals(0, run.exitCode(), run.output());

            List<Subscriber.Received> messages = subscriber.messages();
            long malformed = messages.stream().filter(m -> ServerRules.malformed(m.topic(), m.payload())).count();
            assertTrue(messages.size() - malformed > malformed * 10, "mostly valid: " + malformed + " of " + messages.size());
            assertTrue(SENSORS.containsAll(sensorsHeard(messages)), "garbage comes on the sensors' own topics");
        }
    }

    @Test
    void asLoadGenerator_deliversTheRateAskedFor() throws Exception {
        try (Subscriber subscriber = new Subscriber(broker.url(), "flexplek/sensors/+/state")) {
            Run run = start("--broker", broker.url(), "--estate", ESTATE.toString(), "--rate", "2000",
                    "--duration", "3", "--seed", "5");
            await("about 6000 messages").atMost(Duration.ofSeconds(20)).until(() -> subscriber.count() >= 5700);
            assertEquals(0, run.exitCode(), run.output());
            await("the last ones").atMost(Duration.ofSeconds(5)).until(() -> subscriber.count() >= 6000);
            assertEquals(6000, subscriber.count(), "exactly rate x duration");
            assertTrue(run.output().contains("Sent 6000 messages"), run.output());
            assertTrue(subscriber.messages().stream().noneMatch(m -> ServerRules.malformed(m.topic(), m.payload())),
                    "all valid");
        }
    }

    // ---- running the program in-process ----

    private record Run(CompletableFuture<Integer> exit, StopSignal stop, ByteArrayOutputStream out) {
        int exitCode() throws Exception {
            await("the simulator exits").atMost(Duration.ofSeconds(30)).until(exit::isDone);
            return exit.get();
        }

        String output() {
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    private static Run start(String... args) {
        StopSignal stop = new StopSignal();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> Main.run(args, print, print, stop));
        return new Run(exit, stop, out);
    }

    private static Set<String> sensorsHeard(List<Subscriber.Received> messages) {
        return messages.stream().map(m -> m.topic().split("/")[2]).collect(Collectors.toSet());
    }

    private static String text(Subscriber.Received m) {
        return m.topic() + " " + new String(m.payload(), 0, Math.min(200, m.payload().length), StandardCharsets.UTF_8);
    }
}
