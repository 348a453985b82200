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
import nl.flexplek.server.booking.BookingStatus;
import nl.flexplek.server.booking.PolicyService;
import nl.flexplek.server.booking.VehicleCharge;
import nl.flexplek.server.common.Database;
import nl.flexplek.server.estate.Estate;
import nl.flexplek.server.estate.EstateService;
import nl.flexplek.server.estate.Resource;
import nl.flexplek.server.estate.ResourceType;

/**
 * The live state of every resource, fed by sensor messages, bookings and the passing of time.
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
    private final Map<String, SensorView> sensorViews = new ConcurrentHashMap<>();
    private final Thread worker;
    private volatile boolean running = true;

    // Worker-thread state.
    private Estate estate;
    private final Map<String, Resource> bySensor = new HashMap<>();
    private final Map<String, SensorRecord> sensors = new HashMap<>();
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
        for (OccupancyDao.SensorRow row : db.read(OccupancyDao.class, OccupancyDao::sensors)) {
            sensors.put(row.id(), new SensorRecord(row.id(), row.kind(), row.firstSeen(), row.lastSeen(), row.battery()));
        }
        useEstate(estateService.estate());
        reloadBookings(clock.instant());
        Instant now = clock.instant();
        estate.resources().values().forEach(r -> recompute(r, now, false));
        refreshSensorViews(now);
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
        LiveState state = live.get(resourceId);
        if (state == null || state.soc() == null) {
            return new VehicleCharge.Charge(null, state == null ? null : state.plugged(), null);
        }
        int soc = state.soc();
        int expected = soc;
        Instant now = clock.instant();
        if (Boolean.TRUE.equals(state.plugged()) && at.isAfter(now)) {
            double hours = Duration.between(now, at).toSeconds() / 3600.0;
            expected = (int) Math.min(100, Math.floor(soc + settings.chargePercentPerHour(state.type()) * hours));
        }
        return new VehicleCharge.Charge(soc, state.plugged(), expected);
    }

    /** Every sensor: those the estate names and those heard of but not yet assigned. */
    public List<SensorView> sensors() {
        return sensorViews.values().stream().sorted(Comparator.comparing(SensorView::id)).toList();
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
                refreshSensorViews(now);
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
        SensorRecord sensor = sensorFor(reading.sensorIds());
        sensor.heard(reading);
        Resource resource = bySensor.get(sensor.id);
        if (resource != null && !reading.isHeartbeat()) {
            apply(resource, reading);
        }
        if (resource != null) {
            recompute(resource, now, true);
        }
        sensorViews.put(sensor.id, view(sensor, now));
        metrics.applied(System.nanoTime() - m.receivedNanos());
    }

    /** The known sensor among the message's ids; an unknown one is registered unassigned rather than dropped. */
    private SensorRecord sensorFor(List<String> ids) {
        for (String id : ids) {
            SensorRecord known = sensors.get(id);
            if (known != null) {
                return known;
            }
            if (bySensor.containsKey(id)) {
                SensorRecord fresh = new SensorRecord(id, null, null, null, null);
                sensors.put(id, fresh);
                return fresh;
            }
        }
        String id = ids.getFirst();
        SensorRecord unknown = new SensorRecord(id, null, null, null, null);
        sensors.put(id, unknown);
        LOG.info(() -> "New sensor '" + id + "' is not assigned to any resource; it is listed for the facility managers");
        return unknown;
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
        refreshSensorViews(now);
        flush();
    }

    private void useEstate(Estate fresh) {
        estate = fresh;
        bySensor.clear();
        fresh.resources().values().stream().filter(r -> r.sensorId() != null).forEach(r -> bySensor.put(r.sensorId(), r));
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
        Optional<Booking> current = currentBooking(resource.id(), now);
        SensorRecord sensor = resource.sensorId() == null ? null : sensors.get(resource.sensorId());
        SensorStatus sensorStatus = resource.sensorId() == null ? null : status(sensor, resource, now);
        VehicleInfo vehicle = vehicles.get(resource.id());
        ResourceState state;
        if (!resource.inService()) {
            state = ResourceState.OUT_OF_SERVICE;
        } else if (current.isPresent()) {
            boolean there = current.get().status() == BookingStatus.CHECKED_IN || occupied(resource, now)
                    || (vehicle != null && Boolean.FALSE.equals(vehicle.present()));
            state = there ? ResourceState.IN_USE : ResourceState.BOOKED;
        } else if (vehicle != null && Boolean.FALSE.equals(vehicle.present())) {
            // Out of coverage on a trip is normal: a vehicle last seen leaving stays away, not offline.
            state = ResourceState.AWAY;
        } else if (sensorStatus == SensorStatus.OFFLINE) {
            state = ResourceState.OFFLINE;
        } else if (occupied(resource, now)) {
            state = ResourceState.WALK_IN;
        } else {
            state = ResourceState.FREE;
        }
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

    private boolean occupied(Resource resource, Instant now) {
        Presence p = presence.get(resource.id());
        return p != null && p.occupied(now, settings.hold(resource.type()));
    }

    private Optional<Booking> currentBooking(String resourceId, Instant now) {
        return bookingsByResource.getOrDefault(resourceId, List.of()).stream().filter(b -> b.holdsResourceAt(now)).findFirst();
    }

    /** Sustained presence inside a confirmed booking's check-in window checks it in. */
    private void checkInOnPresence(Resource resource, Instant now) {
        List<Booking> list = bookingsByResource.get(resource.id());
        if (list == null) {
            return;
        }
        Presence p = presence.get(resource.id());
        if (p == null || !p.sustained(now, settings.hold(resource.type()), settings.checkInAfter(resource.type()))) {
            return;
        }
        Duration opens = policies.policy(resource.type()).checkInOpens();
        for (int i = 0; i < list.size(); i++) {
            Booking b = list.get(i);
            boolean inWindow = !now.isBefore(b.startsAt().minus(opens)) && now.isBefore(b.endsAt());
            if (b.status() == BookingStatus.CONFIRMED && inWindow) {
                Optional<Booking> checkedIn = bookings.checkInBySensor(b.id(), now);
                if (checkedIn.isPresent()) {
                    list.set(i, checkedIn.get());
                    metrics.sensorCheckIn();
                }
            }
        }
    }

    private void releaseIfLeftEmpty(Resource resource, Instant now) {
        if (!settings.earlyRelease() || resource.type() != ResourceType.DESK || resource.sensorId() == null) {
            return;
        }
        if (status(sensors.get(resource.sensorId()), resource, now) == SensorStatus.OFFLINE || occupied(resource, now)) {
            return; // a silent sensor proves nothing
        }
        Optional<Booking> current = currentBooking(resource.id(), now);
        if (current.isEmpty() || current.get().status() != BookingStatus.CHECKED_IN) {
            return;
        }
        Presence p = presence.get(resource.id());
        Instant lastSign = current.get().checkedInAt();
        if (p != null && p.lastOccupied() != null && p.lastOccupied().isAfter(lastSign)) {
            lastSign = p.lastOccupied();
        }
        if (!now.isBefore(lastSign.plus(settings.earlyReleaseAfter()))) {
            bookings.releaseLeftEmpty(current.get().id());
        }
    }

    private SensorStatus status(SensorRecord sensor, Resource resource, Instant now) {
        if (sensor == null || sensor.lastSeen == null) {
            return SensorStatus.OFFLINE;
        }
        SensorKind kind = sensor.kind != null ? sensor.kind : expectedKind(resource);
        if (now.isAfter(sensor.lastSeen.plus(settings.offlineAfter().get(kind)))) {
            return SensorStatus.OFFLINE;
        }
        return sensor.battery != null && sensor.battery < settings.lowBatteryPercent() ? SensorStatus.LOW_BATTERY : SensorStatus.OK;
    }

    private static SensorKind expectedKind(Resource resource) {
        if (resource == null) {
            return SensorKind.PRESENCE;
        }
        return switch (resource.type()) {
            case DESK -> SensorKind.PRESENCE;
            case ROOM -> SensorKind.COUNTER;
            case EBIKE, ECAR -> SensorKind.VEHICLE;
        };
    }

    private SensorView view(SensorRecord sensor, Instant now) {
        Resource resource = bySensor.get(sensor.id);
        return new SensorView(sensor.id, resource == null ? null : resource.id(),
                sensor.kind != null ? sensor.kind : resource == null ? null : expectedKind(resource),
                resource == null ? null : resource.siteId(), sensor.lastSeen, sensor.battery, status(sensor, resource, now));
    }

    private void refreshSensorViews(Instant now) {
        sensorViews.clear();
        for (SensorRecord sensor : sensors.values()) {
            sensorViews.put(sensor.id, view(sensor, now));
        }
        for (String id : bySensor.keySet()) {
            sensorViews.computeIfAbsent(id, k -> view(new SensorRecord(k, null, null, null, null), now));
        }
    }

    /** Stores state changes and what was heard of sensors since the last flush, in one write. */
    private void flush() {
        List<OccupancyDao.SensorRow> dirty = new ArrayList<>();
        for (SensorRecord s : sensors.values()) {
            if (s.dirty) {
                dirty.add(new OccupancyDao.SensorRow(s.id, s.kind, s.firstSeen, s.lastSeen, s.battery));
                s.dirty = false;
            }
        }
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
