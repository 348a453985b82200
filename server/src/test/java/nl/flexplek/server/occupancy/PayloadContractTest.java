package nl.flexplek.server.occupancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.flexplek.server.common.Json;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every golden file of the MQTT contract (shared with the simulator) decodes to its reading. */
class PayloadContractTest {
    private static final Path CONTRACTS = Path.of("..", "contracts", "mqtt");
    private static final ObjectMapper JSON = Json.createMapper();

    static Stream<Path> goldenFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> list = Files.list(CONTRACTS)) {
            list.filter(p -> p.toString().endsWith(".json")).sorted().forEach(files::add);
        }
        assertFalse(files.isEmpty(), "no golden files in " + CONTRACTS.toAbsolutePath());
        return files.stream();
    }

    @ParameterizedTest
    @MethodSource("goldenFiles")
    void theGoldenPayloadDecodesToTheGoldenReading(Path file) throws Exception {
        JsonNode golden = JSON.readTree(file.toFile());
        byte[] payload = JSON.writeValueAsBytes(golden.get("payload"));
        Reading reading = new PayloadDecoder(JSON).decode(golden.get("topic").asText(), payload,
                Instant.parse("2026-11-23T08:02:00Z"));
        ObjectNode actual = JSON.valueToTree(reading);
        ObjectNode expected = (ObjectNode) golden.get("reading");
        // Times compare as instants, whatever their textual form.
        assertEquals(Instant.parse(expected.get("ts").asText()), Instant.parse(actual.get("ts").asText()), file.toString());
        actual.remove("ts");
        expected = expected.deepCopy();
        expected.remove("ts");
        assertEquals(expected, actual, file.toString());
    }
}
