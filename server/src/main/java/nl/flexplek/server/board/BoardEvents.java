package nl.flexplek.server.board;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.metrics.api.Gauge;
import io.helidon.metrics.api.Metrics;
import nl.flexplek.server.booking.BookingService;
import nl.flexplek.server.estate.EstateService;
import nl.flexplek.server.occupancy.SiteEvents;

/**
 * Turns live-state changes (from sensors and rules) and booking changes into each site's event log. Sources only
 * name the resource that changed and return at once; one worker thread computes the new entry (coalescing bursts
 * for the same resource) and appends it to the site's log, from which every open stream reads.
 */
public final class BoardEvents implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(BoardEvents.class.getName());
    private static final String RESET_ALL = "";

    /** Ids survive only as long as this server: a stream that resumes with another epoch is told to reset. */
    private final String epoch = Long.toString(System.currentTimeMillis());
    private final BoardService board;
    private final ObjectMapper json;
    private final int bufferPerSite;
    private final Map<String, SiteLog> logs = new ConcurrentHashMap<>();
    private final LinkedBlockingQueue<String> changed = new LinkedBlockingQueue<>();
    private final Thread worker;
    private final Set<AutoCloseable> subscriptions = ConcurrentHashMap.newKeySet();
    private final java.util.concurrent.atomic.AtomicInteger openStreams = new java.util.concurrent.atomic.AtomicInteger();
    private volatile boolean closed;

    public BoardEvents(BoardService board, SiteEvents siteEvents, BookingService bookings, EstateService estate,
                       ObjectMapper json, int bufferPerSite) {
        this.board = board;
        this.json = json;
        this.bufferPerSite = bufferPerSite;
        subscriptions.add(siteEvents.subscribe(event -> changed.add(event.resource().resourceId())));
        bookings.onChange(booking -> changed.add(booking.resourceId()));
        // A changed estate can move, add or remove anything: screens start again from a fresh board.
        estate.onChange(ignored -> changed.add(RESET_ALL));
        Metrics.globalRegistry().getOrCreate(Gauge.builder("flexplek.board.streams", () -> (double) openStreams.get())
                .description("Open board event streams (kiosks and dashboards)"));
        this.worker = Thread.ofVirtual().name("flexplek-board-events").start(this::run);
    }

    /** The id a client sends back to resume after the latest event of a site. */
    public String lastEventId(String siteId) {
        return id(log(siteId).last());
    }

    /**
     * Where a stream of this site starts: after {@code lastEventId} if that can still be replayed, else at the end
     * with a reset first (empty cursor). No id means "from now".
     */
    Optional<Long> resumeAt(String siteId, String lastEventId) {
        SiteLog log = log(siteId);
        if (lastEventId == null || lastEventId.isBlank()) {
            return Optional.of(log.last());
        }
        int dash = lastEventId.lastIndexOf('-');
        if (dash <= 0 || !lastEventId.substring(0, dash).equals(epoch)) {
            return Optional.empty();
        }
        try {
            long cursor = Long.parseLong(lastEventId.substring(dash + 1));
            return log.canResume(cursor) ? Optional.of(cursor) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    SiteLog log(String siteId) {
        return logs.computeIfAbsent(siteId, id -> new SiteLog(bufferPerSite));
    }

    String id(long sequence) {
        return epoch + "-" + sequence;
    }

    /** Counts a stream while it is open: {@code flexplek_board_streams}. */
    AutoCloseable streamOpened() {
        openStreams.incrementAndGet();
        return openStreams::decrementAndGet;
    }

    private void run() {
        while (!closed) {
            try {
                Set<String> batch = new LinkedHashSet<>();
                batch.add(changed.take());
                String more;
                while ((more = changed.poll()) != null) {
                    batch.add(more);
                }
                if (batch.contains(RESET_ALL)) {
                    logs.values().forEach(log -> log.append("reset", "{\"reason\":\"estate-changed\"}"));
                    batch.remove(RESET_ALL);
                }
                batch.forEach(this::publish);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "A board event could not be built; screens catch up with the next one", e);
            }
        }
    }

    private void publish(String resourceId) {
        Optional<BoardEntry> entry = board.entry(resourceId);
        Optional<String> site = board.siteOf(resourceId);
        if (entry.isEmpty() || site.isEmpty()) {
            return;
        }
        log(site.get()).append("resource", serialise(entry.get()));
    }

    private String serialise(BoardEntry entry) {
        String kind = switch (entry) {
            case DeskEntry ignored -> "desk";
            case RoomEntry ignored -> "room";
            case VehicleEntry ignored -> "vehicle";
        };
        try {
            return json.writeValueAsString(Map.of("kind", kind, "resource", entry));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A board entry cannot be written as JSON", e);
        }
    }

    /** Ends every open stream: they return from their wait at once instead of at their next heartbeat. */
    @Override
    public void close() {
        closed = true;
        worker.interrupt();
        logs.values().forEach(SiteLog::close);
        for (AutoCloseable subscription : subscriptions) {
            try {
                subscription.close();
            } catch (Exception e) {
                LOG.log(Level.FINE, "Unsubscribing failed", e);
            }
        }
    }
}
