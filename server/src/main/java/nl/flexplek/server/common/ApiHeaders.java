package nl.flexplek.server.common;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.logging.Logger;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

/**
 * For every API request: the {@code API-Version} header the Dutch API design rules ask for, no caching of personal
 * answers, the request log line (method, path without query, status, time; never headers or bodies, so no tokens or
 * passwords, and calendar feed secrets masked in the path) and the latency metric. The {@code Date} header is the
 * server's Clock: the pages take "now" and "today" from it rather than from a device whose clock may be off.
 */
public final class ApiHeaders implements Filter {
    public static final String API_VERSION = "1.0.0";
    private static final Logger LOG = Logger.getLogger("nl.flexplek.server.requests");
    private static final String CALENDAR_FEEDS = "/calendar-feeds/";

    private final HttpMetrics metrics;
    private final Clock clock;

    public ApiHeaders(HttpMetrics metrics, Clock clock) {
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        long started = System.nanoTime();
        res.header("API-Version", API_VERSION);
        res.header(HeaderNames.CACHE_CONTROL, "no-store");
        res.header("X-Content-Type-Options", "nosniff");
        res.header(HeaderNames.DATE, DateTimeFormatter.RFC_1123_DATE_TIME.format(clock.instant().atZone(ZoneOffset.UTC)));
        try {
            chain.proceed();
        } finally {
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
            int status = res.status().code();
            String method = req.prologue().method().text();
            metrics.latency(method, req.matchingPattern().orElse("unmatched"), status, elapsed);
            LOG.info(() -> method + " " + loggable(req.path().path()) + " " + status + " " + elapsed.toMillis() + "ms");
        }
    }

    /**
     * The path as it may be logged or echoed: a calendar feed's address holds its secret (calendar apps cannot send
     * a token), so that part is masked.
     */
    public static String loggable(String path) {
        int at = path.indexOf(CALENDAR_FEEDS);
        if (at < 0) {
            return path;
        }
        int secret = at + CALENDAR_FEEDS.length();
        int end = path.indexOf('/', secret);
        String segment = end < 0 ? path.substring(secret) : path.substring(secret, end);
        String tail = end < 0 ? "" : path.substring(end);
        return path.substring(0, secret) + (segment.endsWith(".ics") ? "***.ics" : "***") + tail;
    }
}
