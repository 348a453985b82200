package nl.flexplek.server.common;

import java.time.Duration;

import io.helidon.metrics.api.Counter;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Metrics;
import io.helidon.metrics.api.Timer;

/** Request latency and rejected requests, exported at {@code /observe/metrics}. Thread-safe. */
public final class HttpMetrics {
    private final MeterRegistry registry;

    public HttpMetrics() {
        this.registry = Metrics.globalRegistry();
    }

    /** Counts a request answered with a problem, by kind. */
    public void rejected(ProblemKind kind) {
        registry.getOrCreate(Counter.builder("flexplek.http.rejected")
                        .description("API requests answered with a problem, by problem type")
                        .tags(java.util.List.of(Metrics.tag("problem", kind.name().toLowerCase().replace('_', '-')))))
                .increment();
    }

    /** Records how long a request took; the route is the matched template, never the raw path with ids. */
    public void latency(String method, String route, int status, Duration elapsed) {
        registry.getOrCreate(Timer.builder("flexplek.http.requests")
                        .description("API request latency")
                        .tags(java.util.List.of(Metrics.tag("method", method), Metrics.tag("route", route),
                                Metrics.tag("status", Integer.toString(status / 100) + "xx"))))
                .record(elapsed);
    }
}
