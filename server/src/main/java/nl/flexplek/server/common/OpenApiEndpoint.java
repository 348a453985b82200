package nl.flexplek.server.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;

/**
 * Serves the API description, kept by hand in {@code openapi.yaml} next to the code and checked against the routes
 * by a test. Public: anyone may read it, as the API design rules require.
 */
public final class OpenApiEndpoint implements HttpService {
    private final byte[] yaml;
    private final byte[] json;

    public OpenApiEndpoint(ObjectMapper jsonMapper) {
        try (InputStream in = OpenApiEndpoint.class.getResourceAsStream("/openapi.yaml")) {
            if (in == null) {
                throw new IllegalStateException("openapi.yaml is missing from the server jar");
            }
            this.yaml = in.readAllBytes();
            JsonNode document = new ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()).readTree(yaml);
            this.json = jsonMapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(document);
        } catch (IOException e) {
            throw new UncheckedIOException("openapi.yaml cannot be read", e);
        }
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/openapi.json", (req, res) -> {                              // anyone
            res.header(HeaderNames.CONTENT_TYPE, "application/json");
            res.send(json);
        }).get("/openapi.yaml", (req, res) -> {                                 // anyone
            res.header(HeaderNames.CONTENT_TYPE, "application/yaml");
            res.send(yaml);
        });
    }
}
