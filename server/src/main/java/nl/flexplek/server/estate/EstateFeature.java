package nl.flexplek.server.estate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.webserver.http.HttpService;
import nl.flexplek.server.common.Database;
import nl.flexplek.server.common.Feature;
import nl.flexplek.server.common.Requests;
import nl.flexplek.server.common.Responses;

/** The estate feature wired together: its service and endpoint, and the estate file imported at start-up. */
public final class EstateFeature implements Feature {
    private final EstateService estate;
    private final List<HttpService> endpoints;

    public EstateFeature(Database db, ObjectMapper json, ObjectMapper yaml, Optional<String> estateFile,
                         Requests requests, Responses responses) {
        this.estate = new EstateService(db, json);
        this.endpoints = List.of(new EstateEndpoint(estate, requests, yaml, responses));
        estateFile.ifPresent(file -> estate.importDocument(read(yaml, Path.of(file))));
    }

    public EstateService estate() {
        return estate;
    }

    @Override
    public List<HttpService> endpoints() {
        return endpoints;
    }

    private static EstateDocument read(ObjectMapper yaml, Path file) {
        try {
            return yaml.readValue(Files.readAllBytes(file), EstateDocument.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the estate file " + file + ": " + e.getMessage(), e);
        }
    }
}
