package nl.flexplek.server.booking;

import java.util.List;

import io.helidon.metrics.api.Counter;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Metrics;
import nl.flexplek.server.estate.ResourceType;

/** Counters for bookings created, refused for a conflict, and cancelled, by resource type. */
final class BookingMetrics {
    private final MeterRegistry registry = Metrics.globalRegistry();

    void created(ResourceType type) {
        counter("flexplek.bookings.created", "Bookings created", type).increment();
    }

    void conflict(ResourceType type) {
        counter("flexplek.bookings.conflicts", "Booking requests refused because the resource was taken", type).increment();
    }

    void cancelled(ResourceType type) {
        counter("flexplek.bookings.cancelled", "Bookings cancelled", type).increment();
    }

    void released(ResourceType type, String reason) {
        registry.getOrCreate(Counter.builder("flexplek.bookings.released")
                .description("Bookings released by the system: no-shows and desks left empty")
                .tags(List.of(Metrics.tag("type", type.code()), Metrics.tag("reason", reason)))).increment();
    }

    private Counter counter(String name, String description, ResourceType type) {
        return registry.getOrCreate(Counter.builder(name).description(description)
                .tags(List.of(Metrics.tag("type", type.code()))));
    }
}
