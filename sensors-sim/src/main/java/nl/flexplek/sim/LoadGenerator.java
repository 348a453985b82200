package nl.flexplek.sim;

import org.eclipse.paho.client.mqttv3.MqttException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Logger;

/**
 * The load generator ({@code --rate N}): N valid messages per second over all simulated sensors (state changes and
 * heartbeats, in the chosen format, QoS 0) for the given duration. Each connection has its own thread and its own
 * share of the sensors, so nothing is shared on the hot path. Pacing follows a fixed schedule on the monotonic clock
 * (message i is due at start + i/N), so a late message never shifts the ones after it and the rate cannot drift.
 * The rate reported counts messages written to the broker, up to the moment the last one was.
 */
public final class LoadGenerator {
    private static final Logger LOG = Logger.getLogger(LoadGenerator.class.getName());
    /**
     * One connection (and encoding thread) per this many messages per second. One Paho connection carried 40,000
     * native msg/s against a local Mosquitto on two cores; a quarter of that leaves room for The Things Stack's
     * 1.3 KB payloads and for a busy machine, and spreads the JSON encoding over the cores.
     */
    static final int RATE_PER_CLIENT = 10_000;
    /** At most this many messages may wait inside Paho per connection: the back-pressure that keeps memory flat. */
    private static final long MAX_OUTSTANDING = 20_000;

    private final Options options;
    private final Estate estate;
    private final StopSignal stop;

    public LoadGenerator(Options options, Estate estate, StopSignal stop) {
        this.options = options;
        this.estate = estate;
        this.stop = stop;
    }

    /** What a run achieved. */
    public record Result(long sent, long malformed, Duration elapsed, double rate, int target, int connections,
                         long maxLagMillis, long undelivered) {
        public String describe(String format) {
            return String.format(Locale.ROOT, "Sent %d messages in %.2f s: %.0f msg/s (target %d msg/s, %d connection%s,"
                            + " format %s, QoS 0, max lag %d ms%s%s)", sent, elapsed.toNanos() / 1e9, rate, target,
                    connections, connections == 1 ? "" : "s", format, maxLagMillis,
                    malformed > 0 ? ", plus " + malformed + " malformed" : "",
                    undelivered > 0 ? ", " + undelivered + " NOT delivered" : "");
        }
    }

    /** Runs the load; null when it could not start (no sensors, no broker). */
    public Result run() {
        PayloadFormat format = PayloadFormat.named(options.format());
        List<Device> devices = estate.sensed().stream().map(r -> Device.of(r, format)).toList();
        Faults faults = new Faults(options.faults(), devices, options.seed(), Instant.now(), System.nanoTime());
        // Silent sensors stay silent for the whole run: leave them out.
        Instant later = Instant.now().plus(Duration.ofHours(1));
        List<Device> playing = devices.stream().filter(d -> !faults.silenced(d, later)).toList();
        if (playing.isEmpty()) {
            LOG.severe("The estate has no resources with a sensorId: nothing to send");
            return null;
        }
        int rate = options.rate().orElseThrow();
        int connections = Math.min(playing.size(),
                options.clients().orElse(Math.max(1, (rate + RATE_PER_CLIENT - 1) / RATE_PER_CLIENT)));
        long total = Math.round(rate * (options.duration().orElseThrow().toNanos() / 1e9));

        String run = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(2);
        List<Publisher> publishers = new ArrayList<>();
        List<Worker> workers = new ArrayList<>();
        try {
            for (int c = 0; c < connections; c++) {
                Publisher publisher = Publisher.load(options.broker(), "flexplek-load-" + run + "-" + c);
                publishers.add(publisher);
                if (!publisher.connect(stop)) {
                    return null;
                }
            }
            LOG.info(() -> String.format(Locale.ROOT, "Load: %d msg/s for %s over %d sensors, %d connection(s), format %s",
                    rate, options.duration().orElseThrow(), playing.size(), connections, format.name()));
            long startNanos = System.nanoTime() + Duration.ofMillis(50).toNanos();
            double interval = 1e9 / rate;
            for (int c = 0; c < connections; c++) {
                List<Device> own = new ArrayList<>();
                for (int i = c; i < playing.size(); i += connections) {
                    own.add(playing.get(i));
                }
                workers.add(new Worker(c, connections, total, startNanos, interval, own, format, faults,
                        publishers.get(c), options.seed() + c));
            }
            List<Thread> threads = workers.stream().map(w -> Thread.ofPlatform().name("load-" + w.index).start(w)).toList();
            for (Thread thread : threads) {
                thread.join();
            }
            long endNanos = workers.stream().mapToLong(w -> w.finishedNanos).max().orElse(startNanos);
            long sent = workers.stream().mapToLong(w -> w.sent).sum();
            long malformed = workers.stream().mapToLong(w -> w.malformed).sum();
            long undelivered = publishers.stream().mapToLong(Publisher::outstanding).sum();
            long lag = workers.stream().mapToLong(w -> w.maxLagNanos).max().orElse(0) / 1_000_000;
            Duration elapsed = Duration.ofNanos(Math.max(1, endNanos - startNanos));
            return new Result(sent, malformed, elapsed, sent / (elapsed.toNanos() / 1e9), rate, connections, lag,
                    undelivered);
        } catch (MqttException e) {
            LOG.severe(() -> "Cannot use the broker " + options.broker() + ": " + e.getMessage());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } finally {
            publishers.forEach(Publisher::close);
        }
    }

    /** QoS 0 whatever the format's own QoS: a benchmark measures ingest, not acknowledgements. */
    private static Message atMostOnce(Message message) {
        return message.qos() == 0 ? message : new Message(message.topic(), message.payload(), 0);
    }

    /**
     * One connection's share: messages c, c+K, c+2K ... of the schedule, over its own sensors, whose state it keeps
     * to make believable changes (a desk taken or left, a count going up or down, a vehicle plugged or unplugged).
     */
    private final class Worker implements Runnable {
        final int index;
        final int step;
        final long total;
        final long startNanos;
        final double interval;
        final List<Device> sensors;
        final PayloadFormat format;
        final Faults faults;
        final Publisher publisher;
        final SplittableRandom random;
        final boolean[] occupied;
        final int[] count;
        final int[] entered;
        final int[] soc;
        final boolean[] plugged;
        long sent;
        long malformed;
        long maxLagNanos;
        volatile long finishedNanos;

        Worker(int index, int step, long total, long startNanos, double interval, List<Device> sensors,
               PayloadFormat format, Faults faults, Publisher publisher, long seed) {
            this.index = index;
            this.step = step;
            this.total = total;
            this.startNanos = startNanos;
            this.interval = interval;
            this.sensors = sensors;
            this.format = format;
            this.faults = faults;
            this.publisher = publisher;
            this.random = new SplittableRandom(seed);
            int n = sensors.size();
            occupied = new boolean[n];
            count = new int[n];
            entered = new int[n];
            soc = new int[n];
            plugged = new boolean[n];
            for (int i = 0; i < n; i++) {
                soc[i] = 60 + random.nextInt(41);
                plugged[i] = true;
            }
        }

        @Override
        public void run() {
            int sensor = 0;
            for (long i = index; i < total && !stop.requested(); i += step) {
                long due = startNanos + (long) (i * interval);
                long now = System.nanoTime();
                if (now < due) {
                    LockSupport.parkNanos(due - now);
                } else {
                    maxLagNanos = Math.max(maxLagNanos, now - due);
                }
                while (publisher.outstanding() > MAX_OUTSTANDING && !stop.requested()) {
                    // Paho cannot keep up: wait for it rather than queue without bound (the lag shows in the result).
                    LockSupport.parkNanos(100_000);
                }
                Device device = sensors.get(sensor);
                Reading reading = new Reading(device, next(sensor, device), Instant.now());
                if (publisher.publish(atMostOnce(format.encode(reading)))) {
                    sent++;
                }
                if (faults.on(Faults.Fault.GARBAGE) && random.nextDouble() < Faults.GARBAGE_RATE) {
                    // On top of the N valid ones, so the rate asked for stays a rate of valid messages.
                    if (publisher.publish(atMostOnce(Garbage.spoil(reading, format, random)))) {
                        malformed++;
                    }
                }
                sensor = (sensor + 1) % sensors.size();
            }
            publisher.drain(Duration.ofSeconds(30), stop);
            finishedNanos = System.nanoTime();
        }

        /** Half the messages change something, half are heartbeats repeating the state. */
        private SensorState next(int i, Device device) {
            boolean change = random.nextBoolean();
            SensorState state = switch (device.kind()) {
                case PRESENCE -> {
                    if (change) {
                        occupied[i] = !occupied[i];
                        yield new SensorState.Presence(occupied[i], 60 + i % 40);
                    }
                    yield new SensorState.Heartbeat(occupied[i], 60 + i % 40);
                }
                case COUNTER -> {
                    if (change) {
                        int delta = count[i] == 0 || random.nextBoolean() ? 1 : -1;
                        count[i] += delta;
                        entered[i] += Math.max(0, delta);
                    }
                    yield new SensorState.PeopleCount(count[i], entered[i]);
                }
                case VEHICLE -> {
                    if (change) {
                        plugged[i] = !plugged[i];
                        soc[i] = Math.max(5, Math.min(100, soc[i] + (plugged[i] ? 1 : -1)));
                    }
                    yield new SensorState.Vehicle(true, plugged[i], soc[i], null);
                }
            };
            return faults.adjust(device, state, Instant.now());
        }
    }
}
