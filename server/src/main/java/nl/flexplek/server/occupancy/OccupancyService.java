package nl.flexplek.server.occupancy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;
import nl.flexplek.server.booking.Booking;
import nl.flexplek.server.booking.BookingService;
import nl.flexplek.server.booking.PolicyService;
import nl.flexplek.server.booking.VehicleCharge;
import nl.flexplek.server.common.Database;
import nl.flexplek.server.estate.Estate;
import nl.flexplek.server.estate.EstateService;
import nl.flexplek.server.estate.Resource;

/**
 * The live state of every resource, fed by sensor messages, bookings and the passing of time. What the state is
 * follows from {@link OccupancyRules}; which sensor watches what, and its health, from the {@link SensorRegistry};
 * this class is the loop that applies messages, booking changes and ticks to them, and stores and publishes the result.
 * <p>
 * Threads: MQTT messages, booking changes and clock ticks are queued and applied one at a time by a single worker
 * thread, which owns all mutable state here; so there are no locks, and order per sensor is kept. The resulting
 * {@link LiveState}s are published in a concurrent map that request threads read, and as {@link SiteEvent}s.
 * State changes (not every message) are stored in batches for the insights.
 */
public final class OccupancyService implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(OccupancyService.class.getName());
    private static final int QUEUE_CAPACITY = 100_000;
    private static final Duration BOOKING_LOOKAHEAD = Duration.ofHours(2);

    private sealed interface Task permits Message, Tick, Refresh, Reload {
    }

    private record Message(String topic, byte[] payload, long receivedNanos) implements Task {
    }

    private record Tick(CompletableFuture<Void> done) implements Task {
    }

    private record Refresh(String resourceId) implements Task {
    }

    private record Reload() implements Task {
    }

    private final Database db;
    private final Clock clock;
    private final EstateService estateService;
    private final BookingService bookings;
    private final PolicyService policies;
    private final OccupancySettings settings;
    private final SiteEvents events;
    private final PayloadDecoder decoder;
    private final IngestMetrics metrics;
    private final BlockingQueue<Task> queue = new LinkedBlockingQueue<>(QUEUE_CAPACITY);
    private final Map<String, LiveState> live = new ConcurrentHashMap<>();
    private final OccupancyRules rules;
    private final SensorRegistry registry;
    private final Thread worker;
    private volatile boolean running = true;

    // Worker-thread state.
    private Estate estate;
    private final Map<String, Presence> presence = new HashMap<>();
    private final Map<String, VehicleInfo> vehicles = new HashMap<>();
    private final Map<String, List<Booking>> bookingsByResource = new HashMap<>();
    private final List<OccupancyDao.ChangeRow> pendingChanges = new ArrayList<>();

    public OccupancyService(Database db, Clock clock, EstateService estateService, BookingService bookings,
                            PolicyService policies, OccupancySettings settings, SiteEvents events, ObjectMapper mapper) {
        this.db = db;
        this.clock = clock;
        this.estateService = estateService;
        this.bookings = bookings;
        this.policies = policies;
        this.settings = settings;
        this.events = events;
        this.decoder = new PayloadDecoder(mapper);
        this.metrics = new IngestMetrics(queue::size);
        this.rules = new OccupancyRules(settings);
        this.registry = new SensorRegistry(rules, db.read(OccupancyDao.class, OccupancyDao::sensors));
        useEstate(estateService.estate());
        reloadBookings(clock.instant());
        Instant now = clock.instant();
        estate.resources().values().forEach(r -> recompute(r, now, false));
        registry.refreshViews(now);
        estateService.onChange(e -> enqueue(new Reload()));
        bookings.onChange(this::bookingChanged);
        this.worker = Thread.ofPlatform().name("flexplek-occupancy").daemon(true).start(this::loop);
    }

    /** Only bookings that touch the live window matter now; later ones are picked up by a tick in time. */
    private void bookingChanged(Booking b) {
        Instant now = clock.instant();
        if (!b.endsAt().isBefore(now) && b.startsAt().isBefore(now.plus(BOOKING_LOOKAHEAD))) {
            enqueue(new Refresh(b.resourceId()));
        }
    }

    /** Hands over one MQTT message; called on the MQTT client's thread, so it only queues. Blocks when far behind. */
    public void accept(String topic, byte[] payload) {
        metrics.received();
        try {
            queue.put(new Message(topic, payload, System.nanoTime()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Re-evaluates every time-dependent rule now (releases, offline sensors, presence hold) and waits for it. */
    public void tick() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        enqueue(new Tick(done));
        try {
            done.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("The occupancy tick failed", e);
        }
    }

    /** The live state of every resource at a site, in resource id order. */
    public List<LiveState> site(String siteId) {
        return live.values().stream().filter(s -> s.siteId().equals(siteId))
                .sorted(Comparator.comparing(LiveState::resourceId)).toList();
    }

    public Optional<LiveState> resource(String resourceId) {
        return Optional.ofNullable(live.get(resourceId));
    }

    /**
     * A vehicle's charge now and as expected at {@code at}: a plugged-in vehicle gains its type's configured percent
     * per hour from now on, up to 100; one not plugged in keeps the charge it has. Other trips before {@code at} are
     * not foreseen. Unknown (null) when the tracker never reported a charge. Safe on any thread.
     */
    public VehicleCharge.Charge charge(String resourceId, Instant at) {
        return rules.charge(live.get(resourceId), clock.instant(), at);
    }

    /** Every sensor: those the estate names and those heard of but not yet assigned. */
    public List<SensorView> sensors() {
        return registry.views();
    }

    private void enqueue(Task task) {
        if (!queue.offer(task)) {
            try {
                queue.put(task);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void loop() {
        List<Task> batch = new ArrayList<>(1_024);
        while (running || !queue.isEmpty()) {
            try {
                Task first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                // Take what else is waiting in one go: under load the queue is touched once per batch, not per message.
                batch.add(first);
                queue.drainTo(batch, 1_023);
                for (Task task : batch) {
                    handleSafely(task);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
        flushQuietly();
    }

    private void handleSafely(Task task) {
        try {
            handle(task);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Occupancy worker failed on a task; it goes on with the next", e);
        }
    }

    private void handle(Task task) {
        switch (task) {
            case Message m -> ingest(m);
            case Tick t -> {
                try {
                    tickNow();
                    t.done().complete(null);
                } catch (RuntimeException e) {
                    t.done().completeExceptionally(e);
                    throw e;
                }
            }
            case Refresh r -> refreshBookings(r.resourceId());
            case Reload r -> {
                useEstate(estateService.estate());
                Instant now = clock.instant();
                estate.resources().values().forEach(res -> recompute(res, now, true));
                live.keySet().removeIf(id -> !estate.resources().containsKey(id));
                registry.refreshViews(now);
            }
        }
    }

    private void ingest(Message m) {
        Instant now = clock.instant();
        Reading reading;
        try {
            reading = decoder.decode(m.topic(), m.payload(), now);
        } catch (RejectedMessage e) {
            metrics.rejected(e.reason(), m.topic(), e.getMessage());
            return;
        }
        Resource resource = registry.heard(reading, now);
        if (resource != null && !reading.isHeartbeat()) {
            apply(resource, reading);
        }
        if (resource != null) {
            recompute(resource, now, true);
        }
        metrics.applied(System.nanoTime() - m.receivedNanos());
    }

    private void apply(Resource resource, Reading reading) {
        switch (reading.kind()) {
            case PRESENCE, COUNTER -> presence.computeIfAbsent(resource.id(), k -> new Presence())
                    .report(reading.saysOccupied(), reading.ts(), settings.hold(resource.type()));
            case VEHICLE -> vehicles.merge(resource.id(), new VehicleInfo(reading.present(), reading.plugged(),
                    reading.soc(), reading.odometerKm(), reading.ts()), (old, fresh) -> old.merge(reading));
        }
    }

    private void tickNow() {
        Instant now = clock.instant();
        for (Booking released : bookings.releaseNoShows()) {
            refreshBookings(released.resourceId());
        }
        reloadBookings(now);
        for (Resource resource : estate.resources().values()) {
            recompute(resource, now, true);
            releaseIfLeftEmpty(resource, now);
        }
        registry.refreshViews(now);
        flush();
    }

    private void useEstate(Estate fresh) {
        estate = fresh;
        registry.assign(fresh);
    }

    private void reloadBookings(Instant now) {
        bookingsByResource.clear();
        for (Booking b : bookings.activeBetween(null, now, now.plus(BOOKING_LOOKAHEAD))) {
            bookingsByResource.computeIfAbsent(b.resourceId(), k -> new ArrayList<>()).add(b);
        }
    }

    private void refreshBookings(String resourceId) {
        Instant now = clock.instant();
        List<Booking> fresh = bookings.activeBetween(resourceId, now, now.plus(BOOKING_LOOKAHEAD));
        if (fresh.isEmpty()) {
            bookingsByResource.remove(resourceId);
        } else {
            bookingsByResource.put(resourceId, new ArrayList<>(fresh));
        }
        estate.resource(resourceId).ifPresent(r -> recompute(r, now, true));
    }

    /** Works out the resource's state now; publishes and records it when it changed. Checks in on sustained presence. */
    private void recompute(Resource resource, Instant now, boolean publish) {
        checkInOnPresence(resource, now);
        SensorRecord sensor = registry.sensorOf(resource);
        SensorStatus sensorStatus = registry.status(resource, now);
        VehicleInfo vehicle = vehicles.get(resource.id());
        ResourceState state = rules.state(resource, currentBooking(resource.id(), now), presence.get(resource.id()),
                vehicle, sensorStatus, now);
        LiveState previous = live.get(resource.id());
        LiveState.Sensor sensorSummary = resource.sensorId() == null ? null : new LiveState.Sensor(resource.sensorId(),
                sensorStatus, sensor == null ? null : sensor.lastSeen, sensor == null ? null : sensor.battery);
        Instant since = previous != null && previous.state() == state ? previous.since() : now;
        LiveState next = new LiveState(resource.id(), resource.siteId(), resource.type(), state, since,
                vehicle == null ? null : vehicle.plugged(), vehicle == null ? null : vehicle.soc(), sensorSummary);
        live.put(resource.id(), next);
        if (publish && !next.sameAs(previous)) {
            events.publish(resource.siteId(), "resource", now, next);
            if (previous == null || previous.state() != state) {
                pendingChanges.add(new OccupancyDao.ChangeRow(resource.id(), resource.siteId(), state, now));
                metrics.stateChanged();
                if (pendingChanges.size() >= 1_000) {
                    flush();
                }
            }
        }
    }

    private Optional<Booking> currentBooking(String resourceId, Instant now) {
        return OccupancyRules.current(bookingsByResource.getOrDefault(resourceId, List.of()), now);
    }

    /** Sustained presence inside a confirmed booking's check-in window checks it in. */
    private void checkInOnPresence(Resource resource, Instant now) {
        List<Booking> list = bookingsByResource.get(resource.id());
        if (list == null || !rules.presenceChecksIn(resource, presence.get(resource.id()), now)) {
            return;
        }
        Duration opens = policies.policy(resource.type()).checkInOpens();
        for (int i = 0; i < list.size(); i++) {
            Booking b = list.get(i);
            if (OccupancyRules.awaitsCheckIn(b, opens, now)) {
                Optional<Booking> checkedIn = bookings.checkInBySensor(b.id(), now);
                if (checkedIn.isPresent()) {
                    list.set(i, checkedIn.get());
                    metrics.sensorCheckIn();
                }
            }
        }
    }

    private void releaseIfLeftEmpty(Resource resource, Instant now) {
        Optional<Booking> current = currentBooking(resource.id(), now);
        if (rules.releasesLeftEmpty(resource, current, presence.get(resource.id()), registry.status(resource, now), now)) {
            bookings.releaseLeftEmpty(current.get().id());
        }
    }

    /** Stores state changes and what was heard of sensors since the last flush, in one write. */
    private void flush() {
        List<OccupancyDao.SensorRow> dirty = registry.takeChanged();
        List<OccupancyDao.ChangeRow> changes = List.copyOf(pendingChanges);
        pendingChanges.clear();
        if (dirty.isEmpty() && changes.isEmpty()) {
            return;
        }
        db.write(OccupancyDao.class, dao -> {
            if (!dirty.isEmpty()) {
                dao.saveSensors(dirty);
            }
            if (!changes.isEmpty()) {
                dao.saveChanges(changes);
            }
            return null;
        });
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not store the last occupancy changes", e);
        }
    }

    /** Sensor messages received from the broker since start. */
    public long messagesReceived() {
        return metrics.receivedCount();
    }

    /** Sensor messages decoded and applied to the live state since start. */
    public long messagesApplied() {
        return metrics.appliedCount();
    }

    @Override
    public void close() {
        running = false;
        try {
            worker.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
