package nl.flexplek.server.occupancy;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The in-process bus of site events. Publishing calls each listener on the publisher's thread, so listeners must
 * be quick (hand over to their own queue); a listener that throws is logged and the others still hear the event.
 */
public final class SiteEvents {
    private static final Logger LOG = Logger.getLogger(SiteEvents.class.getName());

    private final AtomicLong sequence = new AtomicLong();
    private final List<Consumer<SiteEvent>> listeners = new CopyOnWriteArrayList<>();

    /** Adds a listener; the returned handle removes it again. */
    public AutoCloseable subscribe(Consumer<SiteEvent> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    SiteEvent publish(String siteId, String type, Instant at, LiveState state) {
        SiteEvent event = new SiteEvent(sequence.incrementAndGet(), siteId, type, at, state);
        for (Consumer<SiteEvent> listener : listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "A site event listener failed", e);
            }
        }
        return event;
    }
}
