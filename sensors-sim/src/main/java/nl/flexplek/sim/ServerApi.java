package nl.flexplek.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The server's HTTP API as a facility manager uses it: log in ({@code POST /api/v1/sessions}), read the sites and
 * resources, and list everyone's bookings in a time window. Waits (with backoff) for a server that is not up yet,
 * logs in again when the token has expired, and gives up only on a refused login.
 */
final class ServerApi implements EstateSource {
    private static final Logger LOG = Logger.getLogger(ServerApi.class.getName());
    /** The API's largest page; a fuller window is split in two and asked again. */
    static final int PAGE = 1000;
    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final String base;
    private final String username;
    private final String password;
    private final StopSignal stop;
    private final ObjectMapper mapper = Json.mapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private String token;

    ServerApi(String baseUrl, String username, String password, StopSignal stop) {
        this.base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.username = username;
        this.password = password;
        this.stop = stop;
    }

    @Override
    public Estate estate() throws IOException {
        JsonNode sites = get("/api/v1/sites", true).path("sites");
        JsonNode resources = get("/api/v1/resources", true).path("resources");
        try {
            Estate estate = new Estate(
                    mapper.convertValue(sites, mapper.getTypeFactory().constructCollectionType(List.class, Site.class)),
                    mapper.convertValue(resources, mapper.getTypeFactory().constructCollectionType(List.class, Resource.class)));
            return estate;
        } catch (IllegalArgumentException e) {
            throw new Unavailable("the server's estate is not what the simulator expects: " + e.getMessage(), e);
        }
    }

    @Override
    public List<Booking> bookings(Instant from, Instant to) throws IOException {
        Map<Long, Booking> found = new LinkedHashMap<>();
        collect(from, to, found, 0);
        return new ArrayList<>(found.values());
    }

    private void collect(Instant from, Instant to, Map<Long, Booking> into, int depth) throws IOException {
        String query = "/api/v1/bookings?from=" + encode(from.toString()) + "&to=" + encode(to.toString())
                + "&limit=" + PAGE;
        JsonNode list = get(query, false).path("bookings");
        if (list.size() >= PAGE && depth < 8 && Duration.between(from, to).toMinutes() > 30) {
            // A full page may be cut short: ask for each half (bookings across the middle come twice; ids dedupe).
            Instant middle = from.plus(Duration.between(from, to).dividedBy(2));
            collect(from, middle, into, depth + 1);
            collect(middle, to, into, depth + 1);
            return;
        }
        for (JsonNode node : list) {
            try {
                Booking booking = mapper.treeToValue(node, Booking.class);
                into.put(booking.id(), booking);
            } catch (IOException | IllegalArgumentException e) {
                LOG.fine(() -> "Skipping a booking the simulator cannot read: " + e.getMessage());
            }
        }
    }

    @Override
    public boolean hasBookings() {
        return true;
    }

    @Override
    public String describe() {
        return "server API " + base + " as " + username;
    }

    /**
     * GET with the session token; logs in first, and again once if the token is no longer accepted. {@code patient}:
     * wait for an unreachable server (at start); otherwise fail at once, so a running simulation never stalls.
     */
    private JsonNode get(String path, boolean patient) throws IOException {
        if (token == null) {
            login(patient);
        }
        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json").GET(), patient);
        if (response.statusCode() == 401) {
            login(patient);
            response = send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Authorization", "Bearer " + token).header("Accept", "application/json").GET(), patient);
        }
        if (response.statusCode() != 200) {
            throw new IOException("GET " + path + " answered " + response.statusCode() + ": " + problem(response));
        }
        return mapper.readTree(response.body());
    }

    private void login(boolean patient) throws IOException {
        byte[] body = mapper.writeValueAsBytes(Map.of("username", username, "password", password));
        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/sessions"))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)), patient);
        if (response.statusCode() == 401 || response.statusCode() == 403 || response.statusCode() == 400) {
            throw new Unavailable("the server refused the login of '" + username + "' (" + response.statusCode() + ": "
                    + problem(response) + "); check --user and --password");
        }
        if (response.statusCode() != 201 && response.statusCode() != 200) {
            throw new IOException("login answered " + response.statusCode() + ": " + problem(response));
        }
        JsonNode answer = mapper.readTree(response.body());
        if (!answer.path("token").isTextual()) {
            throw new Unavailable("the login answer has no token");
        }
        token = answer.path("token").asText();
        LOG.fine(() -> "Logged in at " + base + " as " + username);
    }

    /** Sends; when patient, waits for a server that is not (yet) reachable: a demo may start the simulator first. */
    private HttpResponse<byte[]> send(HttpRequest.Builder request, boolean patient) throws IOException {
        Duration wait = Duration.ofSeconds(1);
        while (true) {
            try {
                return http.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                if (!patient) {
                    throw e;
                }
                Duration pause = wait;
                LOG.warning(() -> "Server " + base + " not reachable (" + describe(e) + "); trying again in "
                        + pause.toSeconds() + " s");
                if (stop.await(wait)) {
                    throw new IOException("stopped while waiting for the server", e);
                }
                wait = wait.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait.multipliedBy(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }
    }

    private String problem(HttpResponse<byte[]> response) {
        try {
            JsonNode problem = mapper.readTree(response.body());
            String detail = problem.path("detail").asText(problem.path("title").asText(""));
            return detail.isEmpty() ? "no detail" : detail;
        } catch (IOException e) {
            return "no detail";
        }
    }

    private static String describe(IOException e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
