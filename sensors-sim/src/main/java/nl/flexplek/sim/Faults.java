package nl.flexplek.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The faults asked for on the command line, applied to what the behaviour model says:
 * <ul>
 * <li>{@code silent}: about 5 % of the sensors stop publishing within the first simulated half hour;</li>
 * <li>{@code low-battery}: some presence sensors report a battery under 20 % and falling;</li>
 * <li>{@code garbage}: about one message in 50 is malformed ({@link Garbage});</li>
 * <li>{@code flap}: a few presence sensors toggle every few (real) seconds, whatever happens at the desk;</li>
 * <li>{@code broker-loss}: the connection to the broker drops for about 30 s every few minutes
 *     ({@link #brokerShouldBeDown(long)}; the simulator cuts it with {@link FlakyNetwork}).</li>
 * </ul>
 * Which sensors are affected follows from the seed. Used by the simulator's one thread, except the counters.
 */
public final class Faults {
    static final double GARBAGE_RATE = 1 / 50.0;
    static final Duration OUTAGE = Duration.ofSeconds(30);

    /** A fault's name on the command line. */
    public enum Fault {
        SILENT, LOW_BATTERY, GARBAGE, FLAP, BROKER_LOSS;

        public String code() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        static Fault of(String code) {
            for (Fault fault : values()) {
                if (fault.code().equals(code.strip().toLowerCase(Locale.ROOT))) {
                    return fault;
                }
            }
            throw new IllegalArgumentException("unknown fault '" + code + "': silent, low-battery, garbage, flap or broker-loss");
        }

        /** Parses "silent,garbage"; "none" or empty means no faults. */
        public static Set<Fault> parse(String list) {
            Set<Fault> faults = EnumSet.noneOf(Fault.class);
            if (list == null || list.isBlank() || list.strip().equalsIgnoreCase("none")) {
                return faults;
            }
            for (String code : list.split(",")) {
                if (!code.isBlank()) {
                    faults.add(of(code));
                }
            }
            return faults;
        }
    }

    private final EnumSet<Fault> enabled;
    private final Instant simStart;
    private final SplittableRandom random;
    private final Map<String, Instant> silentFrom = new HashMap<>();
    private final Map<String, Integer> lowBatteryFrom = new HashMap<>();
    private final List<Flapper> flappers = new ArrayList<>();
    private final AtomicLong garbageSent = new AtomicLong();
    private final AtomicLong silenced = new AtomicLong();
    private long nextOutageNanos;
    private long outageEndsNanos;

    public Faults(Set<Fault> enabled, Collection<Device> devices, long seed, Instant simStart, long nowNanos) {
        this.enabled = enabled.isEmpty() ? EnumSet.noneOf(Fault.class) : EnumSet.copyOf(enabled);
        this.simStart = simStart;
        this.random = new SplittableRandom(seed ^ 0x6a09e667f3bcc909L);
        List<Device> presence = devices.stream().filter(d -> d.kind() == SensorKind.PRESENCE).toList();
        if (on(Fault.SILENT)) {
            for (Device d : pick(devices, "silent", seed, 0.05, 1, Integer.MAX_VALUE)) {
                silentFrom.put(d.sensorId(), simStart.plusSeconds((long) Dice.of(seed, "silent-at", d.sensorId())
                        .uniform(60, 30 * 60)));
            }
        }
        if (on(Fault.LOW_BATTERY)) {
            for (Device d : pick(presence, "low-battery", seed, 0.05, 1, Integer.MAX_VALUE)) {
                lowBatteryFrom.put(d.sensorId(), Dice.of(seed, "low-battery-level", d.sensorId()).between(8, 19));
            }
        }
        if (on(Fault.FLAP)) {
            for (Device d : pick(presence, "flap", seed, 0.02, 1, 5)) {
                flappers.add(new Flapper(d, nowNanos));
            }
        }
        // The first outage comes after a minute or two, so the run has settled and the loss is noticed.
        nextOutageNanos = nowNanos + seconds(random.nextDouble(60, 120));
        outageEndsNanos = nextOutageNanos + OUTAGE.toNanos();
    }

    public boolean on(Fault fault) {
        return enabled.contains(fault);
    }

    public Set<Fault> enabled() {
        return EnumSet.copyOf(enabled);
    }

    /** Whether a sensor has gone silent by a simulated instant (its messages are then dropped and counted). */
    public boolean silenced(Device device, Instant simAt) {
        Instant from = silentFrom.get(device.sensorId());
        if (from != null && !simAt.isBefore(from)) {
            silenced.incrementAndGet();
            return true;
        }
        return false;
    }

    /** The state as a faulty sensor reports it: a low battery, falling about 1 % per two simulated hours. */
    public SensorState adjust(Device device, SensorState state, Instant simAt) {
        Integer low = lowBatteryFrom.get(device.sensorId());
        if (low == null) {
            return state;
        }
        int battery = (int) Math.max(1, low - Duration.between(simStart, simAt).toHours() / 2);
        return switch (state) {
            case SensorState.Presence p -> new SensorState.Presence(p.occupied(), battery);
            case SensorState.Heartbeat h -> new SensorState.Heartbeat(h.occupied(), battery);
            default -> state;
        };
    }

    /** Encodes a reading, now and then as garbage when that fault is on. */
    public Message encode(PayloadFormat format, Reading reading) {
        if (on(Fault.GARBAGE) && random.nextDouble() < GARBAGE_RATE) {
            garbageSent.incrementAndGet();
            return Garbage.spoil(reading, format, random);
        }
        return format.encode(reading);
    }

    /** The flapping sensors' toggles that are due by now (real time: flapping is a hardware fault, not behaviour). */
    public List<Update> flaps(long nowNanos, Instant simNow) {
        List<Update> updates = new ArrayList<>();
        for (Flapper flapper : flappers) {
            if (nowNanos >= flapper.nextNanos) {
                flapper.occupied = !flapper.occupied;
                flapper.nextNanos = nowNanos + seconds(random.nextDouble(2, 5));
                updates.add(new Update(flapper.device, new SensorState.Presence(flapper.occupied, null), simNow));
            }
        }
        return updates;
    }

    /** With broker-loss on: whether the broker connection should be down now (30 s every two to five minutes). */
    public boolean brokerShouldBeDown(long nowNanos) {
        if (!on(Fault.BROKER_LOSS)) {
            return false;
        }
        if (nowNanos >= outageEndsNanos) {
            nextOutageNanos = outageEndsNanos + seconds(random.nextDouble(120, 300));
            outageEndsNanos = nextOutageNanos + OUTAGE.toNanos();
        }
        return nowNanos >= nextOutageNanos;
    }

    public long garbageSent() {
        return garbageSent.get();
    }

    public long silencedMessages() {
        return silenced.get();
    }

    public int silentSensors() {
        return silentFrom.size();
    }

    /** The affected share of the candidates (at least {@code min}, at most {@code max}), chosen by the seed. */
    private static List<Device> pick(Collection<Device> candidates, String fault, long seed, double share, int min,
                                     int max) {
        int n = (int) Math.min(candidates.size(), Math.min(max, Math.max(min, Math.round(share * candidates.size()))));
        return candidates.stream()
                .sorted(Comparator.comparingDouble(d -> Dice.of(seed, fault, d.sensorId()).uniform()))
                .limit(n)
                .toList();
    }

    private static long seconds(double seconds) {
        return (long) (seconds * 1_000_000_000L);
    }

    private static final class Flapper {
        final Device device;
        boolean occupied;
        long nextNanos;

        Flapper(Device device, long nowNanos) {
            this.device = device;
            this.nextNanos = nowNanos;
        }
    }
}
