package nl.flexplek.sim;

import org.eclipse.paho.client.mqttv3.MqttException;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The working-day mode: reads the estate, connects, then every tick moves the {@link WorkingDay} to the simulated
 * now and publishes what the sensors say, stamped with the real time, through the {@link Faults} asked for. Fetches
 * the bookings again every simulated quarter of an hour (in the background, so a slow server never stalls the
 * sensors) and logs a status line every simulated half hour. Runs on the caller's thread until the stop signal or
 * the end of {@code --duration}.
 */
public final class Simulator {
    private static final Logger LOG = Logger.getLogger(Simulator.class.getName());
    private static final Duration TICK = Duration.ofMillis(100);
    private static final Duration BOOKINGS_EVERY = Duration.ofMinutes(15);
    /** However fast the simulation runs, the server is not asked more often than this, nor the log written. */
    private static final long MIN_REAL_GAP_NANOS = Duration.ofSeconds(10).toNanos();
    private static final DateTimeFormatter STATUS_TIME = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);

    private final Options options;
    private final EstateSource source;
    private final StopSignal stop;
    private long sent;
    private long sentAtLastStatus;

    public Simulator(Options options, EstateSource source, StopSignal stop) {
        this.options = options;
        this.source = source;
        this.stop = stop;
    }

    /** Runs until stopped; returns the exit code. */
    public int run() {
        Estate estate;
        try {
            estate = source.estate();
        } catch (IOException e) {
            if (stop.requested()) {
                return 0;
            }
            LOG.severe(() -> "No estate from the " + source.describe() + ": " + e.getMessage());
            return 1;
        }
        PayloadFormat format = PayloadFormat.named(options.format());
        List<Resource> sensed = estate.sensed();
        if (sensed.isEmpty()) {
            LOG.severe(() -> "The estate from the " + source.describe() + " has no resources with a sensorId: nothing to play");
            return 1;
        }
        FlakyNetwork network = options.faults().contains(Faults.Fault.BROKER_LOSS) ? new FlakyNetwork() : null;
        String clientId = "flexplek-sim-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        try (Publisher publisher = Publisher.steady(options.broker(), clientId, network)) {
            if (!publisher.connect(stop)) {
                return 0;
            }
            return simulate(estate, format, publisher, network);
        } catch (MqttException e) {
            LOG.severe(() -> "Cannot use the broker " + options.broker() + ": " + e.getMessage());
            return 1;
        }
    }

    private int simulate(Estate estate, PayloadFormat format, Publisher publisher, FlakyNetwork network) {
        long startNanos = System.nanoTime();
        SimClock clock = new SimClock(Clock.systemUTC(), options.speed());
        WorkingDay day = new WorkingDay(estate, r -> Device.of(r, format), options.seed(), clock.simStart());
        Faults faults = new Faults(options.faults(), day.devices(), options.seed(), clock.simStart(), startNanos);
        WorkingDay.Snapshot size = day.snapshot();
        LOG.info(() -> String.format(Locale.ROOT, "Playing %d sensors (desks: %d, rooms: %d, vehicles: %d; sites: %d) from the %s;"
                        + " format %s, speed %s, faults %s, seed %d (--seed %d replays this day)",
                size.desks() + size.rooms() + size.vehicles(), size.desks(), size.rooms(), size.vehicles(),
                estate.sites().size(), source.describe(), format.name(), speed(), faultNames(faults), options.seed(),
                options.seed()));
        if (faults.silentSensors() > 0) {
            LOG.info(() -> "Sensors going silent within the first simulated half hour: " + faults.silentSensors());
        }
        ZoneId zone = estate.sites().isEmpty() ? ZoneOffset.UTC : estate.sites().getFirst().timeZone();

        Instant simNow = clock.simStart();
        CompletableFuture<List<Booking>> refresh = null;
        Instant lastRefreshSim = simNow;
        long lastRefreshNanos = startNanos;
        if (source.hasBookings()) {
            applyBookings(day, fetchBookings(simNow));
        }
        publish(day.begin(), clock, faults, format, publisher);
        long lastStatusNanos = startNanos;
        Instant nextStatus = nextHalfHour(simNow, zone);
        status(day, faults, publisher, simNow, zone, network);

        while (!stop.await(TICK)) {
            long nanos = System.nanoTime();
            if (options.duration().isPresent() && nanos - startNanos >= options.duration().get().toNanos()) {
                break;
            }
            simNow = clock.simNow();
            if (refresh != null && refresh.isDone()) {
                applyBookings(day, refresh.getNow(null));
                refresh = null;
            }
            if (source.hasBookings() && refresh == null && nanos - lastRefreshNanos >= MIN_REAL_GAP_NANOS
                    && Duration.between(lastRefreshSim, simNow).compareTo(BOOKINGS_EVERY) >= 0) {
                Instant at = simNow;
                refresh = CompletableFuture.supplyAsync(() -> fetchBookings(at));
                lastRefreshSim = simNow;
                lastRefreshNanos = nanos;
            }
            if (network != null) {
                breakOrMendNetwork(faults, network, nanos);
            }
            List<Update> updates = new ArrayList<>(day.advanceTo(simNow));
            updates.addAll(faults.flaps(nanos, simNow));
            publish(updates, clock, faults, format, publisher);
            if (!simNow.isBefore(nextStatus) && nanos - lastStatusNanos >= MIN_REAL_GAP_NANOS) {
                status(day, faults, publisher, simNow, zone, network);
                nextStatus = nextHalfHour(simNow, zone);
                lastStatusNanos = nanos;
            }
        }
        if (network != null) {
            network.restore();
        }
        publisher.drain(Duration.ofSeconds(5), new StopSignal());
        status(day, faults, publisher, simNow, zone, network);
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        LOG.info(() -> String.format(Locale.ROOT, "Stopped after %.0f s: %d messages sent (%d malformed on purpose),"
                        + " %d delivered, %d refused, %d reconnects, %d withheld from silent sensors", seconds, sent,
                faults.garbageSent(), publisher.delivered(), publisher.failed(), publisher.reconnects(),
                faults.silencedMessages()));
        return 0;
    }

    private void publish(List<Update> updates, SimClock clock, Faults faults, PayloadFormat format, Publisher publisher) {
        for (Update update : updates) {
            if (faults.silenced(update.device(), update.simulatedAt())) {
                continue;
            }
            SensorState state = faults.adjust(update.device(), update.state(), update.simulatedAt());
            // The real time: the server refuses timestamps ahead of its clock, whatever the simulated time.
            Reading reading = new Reading(update.device(), state, clock.realNow());
            if (publisher.publish(faults.encode(format, reading))) {
                sent++;
            }
        }
    }

    private List<Booking> fetchBookings(Instant simNow) {
        // Two days back (a vehicle's plan starts up to two days back: its trips since then decide its charge now)
        // to two days ahead (tomorrow, in every time zone, once the simulated clock passes midnight).
        Instant from = simNow.minus(Duration.ofDays(2));
        Instant to = simNow.plus(Duration.ofDays(2));
        try {
            List<Booking> bookings = source.bookings(from, to);
            LOG.fine(() -> bookings.size() + " bookings from " + from + " to " + to);
            return bookings;
        } catch (IOException | RuntimeException e) {
            LOG.warning(() -> "Could not fetch the bookings (" + e.getMessage() + "); keeping the ones known");
            return null;
        }
    }

    private static void applyBookings(WorkingDay day, List<Booking> bookings) {
        if (bookings != null) {
            day.bookings(bookings);
        }
    }

    private static void breakOrMendNetwork(Faults faults, FlakyNetwork network, long nanos) {
        boolean down = faults.brokerShouldBeDown(nanos);
        if (down && !network.isDown()) {
            LOG.warning(() -> "Broker loss: cutting the connection for " + Faults.OUTAGE.toSeconds() + " s");
            network.cut();
        } else if (!down && network.isDown()) {
            LOG.info("Broker loss over: the network is back, Paho reconnects");
            network.restore();
        }
    }

    private void status(WorkingDay day, Faults faults, Publisher publisher, Instant simNow, ZoneId zone,
                        FlakyNetwork network) {
        WorkingDay.Snapshot s = day.snapshot();
        long since = sent - sentAtLastStatus;
        sentAtLastStatus = sent;
        String broker = network != null && network.isDown() ? "broker lost (simulated)"
                : publisher.isConnected() ? "broker connected" : "broker reconnecting";
        LOG.log(Level.INFO, () -> String.format(Locale.ROOT,
                "%s | desks %d/%d occupied, rooms %d/%d in use (%d people), vehicles %d/%d away | sent %d (+%d),"
                        + " buffered %d, refused %d, malformed %d | %s",
                STATUS_TIME.format(simNow.atZone(zone)), s.desksOccupied(), s.desks(), s.roomsInUse(), s.rooms(),
                s.peopleInRooms(), s.vehiclesAway(), s.vehicles(), sent, since, publisher.buffered(),
                publisher.failed(), faults.garbageSent(), broker));
    }

    private static Instant nextHalfHour(Instant simNow, ZoneId zone) {
        var local = simNow.atZone(zone);
        var next = local.withMinute(local.getMinute() < 30 ? 30 : 0).withSecond(0).withNano(0);
        if (!next.isAfter(local)) {
            next = next.plusHours(1);
        }
        return next.toInstant();
    }

    private String speed() {
        return options.speed() == Math.rint(options.speed()) ? (long) options.speed() + "x" : options.speed() + "x";
    }

    private static String faultNames(Faults faults) {
        return faults.enabled().isEmpty() ? "none"
                : String.join(",", faults.enabled().stream().map(Faults.Fault::code).toList());
    }
}
