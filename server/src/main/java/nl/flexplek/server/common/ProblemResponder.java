package nl.flexplek.server.common;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpException;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * Turns every failure into an RFC 9457 problem+json answer. Registered once on the routing; endpoints never catch.
 * The body is written here with the shared ObjectMapper because Helidon's media support would not pick
 * {@code application/problem+json} for every Accept header.
 */
public final class ProblemResponder {
    public static final String PROBLEM_JSON = "application/problem+json";
    private static final Logger LOG = Logger.getLogger(ProblemResponder.class.getName());

    private final ObjectMapper mapper;
    private final HttpMetrics metrics;

    public ProblemResponder(ObjectMapper mapper, HttpMetrics metrics) {
        this.mapper = mapper;
        this.metrics = metrics;
    }

    /** Registers the error handlers on a routing builder. */
    public void register(HttpRouting.Builder routing) {
        routing.error(ProblemException.class, (req, res, e) -> send(req, res, e.kind(), e.getMessage(), e));
        routing.error(HttpException.class, (req, res, e) -> send(req, res, kindOf(e.status()), helidonDetail(e), null));
        routing.error(Exception.class, (req, res, e) -> {
            LOG.log(Level.SEVERE, "Unhandled failure on " + req.prologue().method() + " " + ApiHeaders.loggable(req.path().path()), e);
            send(req, res, ProblemKind.INTERNAL, "Something went wrong on our side. It has been logged.", null);
        });
    }

    /** Writes a problem answer; also used by filters that stop a request before routing. */
    public void send(ServerRequest req, ServerResponse res, ProblemKind kind, String detail, ProblemException cause) {
        metrics.rejected(kind);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", kind.type());
        body.put("title", kind.title());
        body.put("status", kind.status());
        body.put("detail", detail);
        body.put("instance", ApiHeaders.loggable(req.path().absolute().path()));
        if (cause != null && !cause.fieldErrors().isEmpty()) {
            body.put("errors", cause.fieldErrors());
        }
        if (cause instanceof PolicyViolationException policy) {
            body.put("rule", policy.rule());
        }
        if (cause != null) {
            cause.extensions().forEach(body::putIfAbsent);
        }
        if (kind == ProblemKind.UNAUTHENTICATED) {
            res.header(HeaderNames.WWW_AUTHENTICATE, "Bearer realm=\"flexplek\"");
        }
        res.status(Status.create(kind.status()));
        res.header(HeaderNames.CONTENT_TYPE, PROBLEM_JSON);
        res.send(bytes(body));
    }

    private byte[] bytes(Map<String, Object> body) {
        try {
            return mapper.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            return ("{\"title\":\"" + ProblemKind.INTERNAL.title() + "\",\"status\":500}").getBytes(StandardCharsets.UTF_8);
        }
    }

    private static ProblemKind kindOf(Status status) {
        int code = status.code();
        for (ProblemKind kind : List.of(ProblemKind.values())) {
            if (kind.status() == code) {
                return kind;
            }
        }
        return code < 500 ? ProblemKind.INVALID_REQUEST : ProblemKind.INTERNAL;
    }

    private static String helidonDetail(HttpException e) {
        // Helidon's own messages can carry internals; only the status is trusted.
        return switch (e.status().code()) {
            case 404 -> "There is nothing at this address.";
            case 405 -> "This address does not accept that method.";
            case 413 -> "The request body is larger than the server accepts.";
            case 415 -> "The request body has a media type this endpoint does not accept.";
            default -> e.status().reasonPhrase();
        };
    }
}
