package nl.flexplek.server.occupancy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.logging.Logger;

import io.helidon.metrics.api.Counter;
import io.helidon.metrics.api.Gauge;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Metrics;
import io.helidon.metrics.api.Timer;

/**
 * Counters of the sensor ingest: messages received and applied, rejections by reason, state changes, sensor
 * check-ins, the queue depth and the time from arrival to applied. A rejection is logged at most once a minute per
 * reason (with how many there were), so a flood of garbage does not flood the log.
 */
final class IngestMetrics {
    private static final Logger LOG = Logger.getLogger(IngestMetrics.class.getName());
    private static final long LOG_EVERY_NANOS = Duration.ofMinutes(1).toNanos();

    private final MeterRegistry registry = Metrics.globalRegistry();
    private final Counter received;
    private final Counter changes;
    private final Counter checkIns;
    private final Timer latency;
    private final AtomicLong receivedCount = new AtomicLong();
    private final AtomicLong appliedCount = new AtomicLong();
    private final Map<String, AtomicLong> rejectedSinceLog = new ConcurrentHashMap<>();
    private final Map<String, Long> lastLogged = new ConcurrentHashMap<>();

    IngestMetrics(Supplier<Integer> queueDepth) {
        received = registry.getOrCreate(Counter.builder("flexplek.mqtt.messages").description("MQTT messages received"));
        changes = registry.getOrCreate(Counter.builder("flexplek.occupancy.changes").description("Live-state changes"));
        checkIns = registry.getOrCreate(Counter.builder("flexplek.occupancy.sensor.check.ins")
                .description("Bookings checked in by sustained sensor presence"));
        latency = registry.getOrCreate(Timer.builder("flexplek.mqtt.ingest.latency")
                .description("Time from receiving a sensor message to its live state being updated"));
        registry.getOrCreate(Gauge.builder("flexplek.mqtt.queue", () -> queueDepth.get().doubleValue())
                .description("Sensor messages waiting to be applied"));
    }

    void received() {
        received.increment();
        receivedCount.incrementAndGet();
    }

    void applied(long nanos) {
        latency.record(Duration.ofNanos(nanos));
        appliedCount.incrementAndGet();
    }

    void stateChanged() {
        changes.increment();
    }

    void sensorCheckIn() {
        checkIns.increment();
    }

    void rejected(String reason, String topic, String detail) {
        registry.getOrCreate(Counter.builder("flexplek.mqtt.rejected")
                .description("Sensor messages rejected, by reason")
                .tags(List.of(Metrics.tag("reason", reason)))).increment();
        long count = rejectedSinceLog.computeIfAbsent(reason, k -> new AtomicLong()).incrementAndGet();
        long now = System.nanoTime();
        Long last = lastLogged.get(reason);
        if (last == null || now - last >= LOG_EVERY_NANOS) {
            lastLogged.put(reason, now);
            rejectedSinceLog.get(reason).set(0);
            LOG.warning(() -> "Rejected " + count + " sensor message(s) as " + reason + "; latest on " + topic + ": " + detail);
        }
    }

    long receivedCount() {
        return receivedCount.get();
    }

    long appliedCount() {
        return appliedCount.get();
    }
}
