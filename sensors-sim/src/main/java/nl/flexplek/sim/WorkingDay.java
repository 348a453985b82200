package nl.flexplek.sim;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The behaviour model: what every sensor of the estate sees through a working day, driven by a simulated clock that
 * the caller moves with {@link #advanceTo(Instant)}. Deterministic for a seed: each booking, desk and room gets its
 * own {@link Dice}, so refreshing the bookings does not reshuffle people who are already on their way.
 * <ul>
 * <li>Desks: people with a booking turn up at their desk, except about one in ten; most arrive between 8 and 9
 * (some from 7:30, some until 10), many leave for lunch between 12 and 13 for 20-45 minutes, and they go home
 * between 16 and 18 (on Fridays from 14:00). About one desk in twenty without a booking gets a walk-in.
 * Nobody is in outside the opening hours.</li>
 * <li>Rooms: during a booked meeting the counter shows the attendees, give or take one, arriving and leaving over
 * a few minutes; about one meeting in ten nobody comes to. Unbooked rooms now and then host an ad-hoc meeting.</li>
 * <li>Vehicles: a booked vehicle leaves at the start of its booking, comes back before its end with less charge
 * (in proportion to the trip), is plugged in a few minutes later and charges (e-cars about 20 %/h, e-bikes
 * about 40 %/h, slower above 80 %), reporting every 5 minutes while it charges and every 10 on the road.</li>
 * <li>Every sensor reports a heartbeat after 10 quiet minutes; presence sensors' batteries drain slowly.</li>
 * </ul>
 * Quiet Fridays: fewer walk-ins and ad-hoc meetings, and people leave early. Not thread-safe: one thread drives it.
 */
public final class WorkingDay {
    static final Duration HEARTBEAT = Duration.ofMinutes(10);
    static final Duration CHARGING_REPORT = Duration.ofMinutes(5);
    static final Duration ROAD_REPORT = Duration.ofMinutes(10);
    static final double NO_SHOW_RATE = 0.10;
    static final double WALK_IN_SHARE = 0.05;
    static final double GHOST_MEETING_RATE = 0.10;
    static final double AD_HOC_MEETING_CHANCE = 0.25;
    static final double LUNCH_OUT_SHARE = 0.65;
    static final double UNCLAIMED_VEHICLE_RATE = 0.05;
    /** One percent of battery per this much simulated time: slow, but visible in a demo that runs for hours. */
    static final Duration BATTERY_PERCENT = Duration.ofHours(12);
    /** How busy each weekday is for people without a booking (walk-ins, ad-hoc meetings), Tuesday the busiest. */
    private static final Map<DayOfWeek, Double> ATTENDANCE = new EnumMap<>(Map.of(
            DayOfWeek.MONDAY, 0.7, DayOfWeek.TUESDAY, 1.0, DayOfWeek.WEDNESDAY, 0.75, DayOfWeek.THURSDAY, 0.95,
            DayOfWeek.FRIDAY, 0.4, DayOfWeek.SATURDAY, 0.1, DayOfWeek.SUNDAY, 0.0));

    private final long seed;
    private final Instant start;
    private final List<Sensor> sensors;
    private final Map<String, List<Booking>> bookingsByResource = new HashMap<>();
    private final Map<PlanKey, List<Change>> dayPlans = new HashMap<>();
    private final Map<String, VehiclePlan> vehiclePlans = new HashMap<>();
    private final Map<String, SensorState> reported = new HashMap<>();
    private final Map<String, Instant> nextHeartbeat = new HashMap<>();
    private Instant now;

    /**
     * @param estate  the sites and resources; only resources with a sensor are played
     * @param devices how each resource's sensor appears on the wire (its DevEUI depends on the format)
     * @param seed    the run's seed
     * @param start   the simulated instant the run starts at
     */
    public WorkingDay(Estate estate, Function<Resource, Device> devices, long seed, Instant start) {
        this.seed = seed;
        this.start = start;
        this.now = start;
        Map<String, Site> sites = estate.sitesById();
        this.sensors = estate.sensed().stream()
                .map(r -> new Sensor(r, devices.apply(r), sites.get(r.siteId())))
                .toList();
    }

    /** The sensors played, in estate order. */
    public List<Device> devices() {
        return sensors.stream().map(Sensor::device).toList();
    }

    /** Replaces the known bookings (the API's answer for the current window); plans are rebuilt from them. */
    public void bookings(Collection<Booking> bookings) {
        bookingsByResource.clear();
        for (Booking b : bookings) {
            if (b.mayBeUsed()) {
                bookingsByResource.computeIfAbsent(b.resourceId(), id -> new ArrayList<>()).add(b);
            }
        }
        bookingsByResource.values().forEach(list -> list.sort(Comparator.comparing(Booking::start)));
        dayPlans.clear();
        vehiclePlans.clear();
    }

    /** Every sensor announces its state at the start, as sensors do when they (or the simulator) come online. */
    public List<Update> begin() {
        List<Update> updates = new ArrayList<>();
        for (Sensor sensor : sensors) {
            SensorState state = stateAt(sensor, start);
            report(sensor, state, start, updates);
            // Spread the heartbeats over the period, as real sensors' timers are.
            long offset = (long) (Dice.of(seed, "heartbeat", sensor.id()).uniform() * HEARTBEAT.toSeconds());
            nextHeartbeat.put(sensor.id(), start.plusSeconds(offset + 1));
        }
        return updates;
    }

    /**
     * Moves the simulated clock forward and returns what the sensors report on the way, in time order: every state
     * change in between, and a heartbeat from each sensor that has been quiet for the heartbeat period.
     */
    public List<Update> advanceTo(Instant until) {
        if (!until.isAfter(now)) {
            return List.of();
        }
        List<Update> updates = new ArrayList<>();
        for (Sensor sensor : sensors) {
            for (Change change : changesBetween(sensor, now, until)) {
                if (differs(reported.get(sensor.id()), change.state())) {
                    report(sensor, change.state(), change.at(), updates);
                }
            }
            Instant due = nextHeartbeat.get(sensor.id());
            if (due != null && !due.isAfter(until)) {
                // After a long step, one heartbeat says enough: skip the ones in between.
                long periods = Duration.between(due, until).toSeconds() / HEARTBEAT.toSeconds();
                Instant at = due.plus(HEARTBEAT.multipliedBy(periods));
                report(sensor, heartbeat(sensor, reported.get(sensor.id()), at), at, updates);
            }
        }
        now = until;
        updates.sort(Comparator.comparing(Update::simulatedAt));
        return updates;
    }

    /** What a sensor last reported, if anything. */
    public Optional<SensorState> reported(String sensorId) {
        return Optional.ofNullable(reported.get(sensorId));
    }

    /** The estate as the sensors last reported it, for the status line. */
    public Snapshot snapshot() {
        int desks = 0, occupied = 0, rooms = 0, roomsInUse = 0, people = 0, vehicles = 0, away = 0;
        for (Sensor sensor : sensors) {
            SensorState state = reported.get(sensor.id());
            switch (sensor.device().kind()) {
                case PRESENCE -> {
                    desks++;
                    if (state instanceof SensorState.Presence p && p.occupied()
                            || state instanceof SensorState.Heartbeat h && h.occupied()) {
                        occupied++;
                    }
                }
                case COUNTER -> {
                    rooms++;
                    if (state instanceof SensorState.PeopleCount c && c.count() > 0) {
                        roomsInUse++;
                        people += c.count();
                    }
                }
                case VEHICLE -> {
                    vehicles++;
                    if (state instanceof SensorState.Vehicle v && !v.present()) {
                        away++;
                    }
                }
            }
        }
        return new Snapshot(occupied, desks, roomsInUse, rooms, people, away, vehicles);
    }

    /** Occupied desks, rooms in use (and the people in them), vehicles away. */
    public record Snapshot(int desksOccupied, int desks, int roomsInUse, int rooms, int peopleInRooms,
                           int vehiclesAway, int vehicles) {
    }

    // ---- reporting ----

    private void report(Sensor sensor, SensorState state, Instant at, List<Update> out) {
        reported.put(sensor.id(), state);
        nextHeartbeat.put(sensor.id(), at.plus(HEARTBEAT));
        out.add(new Update(sensor.device(), state, at));
    }

    /** A change is worth a message when what the sensor measures changed (not only the battery). */
    private static boolean differs(SensorState before, SensorState after) {
        if (before == null) {
            return true;
        }
        return switch (after) {
            case SensorState.Presence p -> occupied(before) != p.occupied();
            case SensorState.Heartbeat h -> occupied(before) != h.occupied();
            default -> !after.equals(before);
        };
    }

    private static boolean occupied(SensorState state) {
        return state instanceof SensorState.Presence p ? p.occupied()
                : state instanceof SensorState.Heartbeat h && h.occupied();
    }

    private SensorState heartbeat(Sensor sensor, SensorState last, Instant at) {
        return switch (sensor.device().kind()) {
            case PRESENCE -> new SensorState.Heartbeat(occupied(last), battery(sensor, at));
            case COUNTER, VEHICLE -> last != null ? last : stateAt(sensor, at);
        };
    }

    private int battery(Sensor sensor, Instant at) {
        int initial = Dice.of(seed, "battery", sensor.id()).between(55, 100);
        long drained = Duration.between(start, at).toSeconds() / BATTERY_PERCENT.toSeconds();
        return (int) Math.max(1, initial - drained);
    }

    // ---- the plans ----

    private SensorState stateAt(Sensor sensor, Instant at) {
        List<Change> plan = switch (sensor.device().kind()) {
            case PRESENCE, COUNTER -> dayPlan(sensor, sensor.localDate(at));
            case VEHICLE -> vehiclePlan(sensor, at).changes();
        };
        SensorState state = null;
        for (Change change : plan) {
            if (change.at().isAfter(at)) {
                break;
            }
            state = change.state();
        }
        if (state != null) {
            return state;
        }
        return switch (sensor.device().kind()) {
            case PRESENCE -> new SensorState.Presence(false, battery(sensor, at));
            case COUNTER -> new SensorState.PeopleCount(0, 0);
            case VEHICLE -> vehiclePlan(sensor, at).initial();
        };
    }

    private List<Change> changesBetween(Sensor sensor, Instant from, Instant until) {
        List<Change> plan;
        if (sensor.device().kind() == SensorKind.VEHICLE) {
            plan = vehiclePlan(sensor, until).changes();
        } else {
            plan = new ArrayList<>();
            LocalDate last = sensor.localDate(until);
            // A step never spans more than a few days; cap it so a huge jump cannot plan a year of days.
            for (LocalDate d = sensor.localDate(from); !d.isAfter(last) && plan.size() < 10_000; d = d.plusDays(1)) {
                plan.addAll(dayPlan(sensor, d));
            }
        }
        List<Change> between = new ArrayList<>();
        for (Change change : plan) {
            if (change.at().isAfter(from) && !change.at().isAfter(until)) {
                between.add(change);
            }
        }
        return between;
    }

    private List<Change> dayPlan(Sensor sensor, LocalDate date) {
        if (dayPlans.size() > 20 * Math.max(1, sensors.size())) {
            dayPlans.clear();
        }
        return dayPlans.computeIfAbsent(new PlanKey(sensor.id(), date), key -> switch (sensor.device().kind()) {
            case PRESENCE -> deskPlan(sensor, date);
            case COUNTER -> roomPlan(sensor, date);
            case VEHICLE -> List.of();
        });
    }

    /** A desk's day: the people who sit there (the booked person or a walk-in), as presence changes. */
    private List<Change> deskPlan(Sensor sensor, LocalDate date) {
        Optional<Site.OpeningHours> hours = sensor.site().hoursOn(date);
        if (hours.isEmpty()) {
            return List.of();
        }
        Day day = new Day(date, sensor.site().timeZone(), hours.get());
        List<double[]> stays = new ArrayList<>();
        List<Booking> booked = day.overlapping(bookingsOf(sensor));
        for (Booking booking : booked) {
            Dice dice = Dice.of(seed, "desk-booking", booking.id());
            // A checked-in booking means the person is there; otherwise one in ten stays away.
            if (booking.status() == Booking.Status.CHECKED_IN || !dice.chance(NO_SHOW_RATE)) {
                person(dice, day, day.minute(booking.start()), day.minute(booking.end()), stays);
            }
        }
        if (booked.isEmpty()) {
            Dice dice = Dice.of(seed, "walk-in", sensor.id(), date);
            if (dice.chance(WALK_IN_SHARE * ATTENDANCE.get(date.getDayOfWeek()))) {
                person(dice, day, day.opens(), day.closes(), stays);
            }
        }
        return presenceChanges(sensor, day, stays);
    }

    /**
     * One person's stay at a desk within a booking window (minutes of the local day): arrival, an optional lunch
     * and a short break, departure. Adds the periods they are at the desk.
     */
    private static void person(Dice dice, Day day, double from, double until, List<double[]> stays) {
        from = Math.max(from, day.opens());
        until = Math.min(until, day.closes());
        double arrive = from <= 8 * 60 ? arrival(dice) : from + dice.uniform(-10, 20);
        arrive = Math.max(Math.max(arrive, from - 15), day.opens());
        double leave = until >= 16 * 60 ? departure(dice, day.date().getDayOfWeek() == DayOfWeek.FRIDAY)
                : until - dice.uniform(0, 30);
        // People overstay a booking a little, but the building closes.
        leave = Math.min(Math.min(leave, until + 10), day.closes());
        if (leave - arrive < 30) {
            return;
        }
        double lunchOut = -1;
        double lunchBack = -1;
        if (arrive < 12 * 60 && leave > 13.5 * 60 && dice.chance(LUNCH_OUT_SHARE)) {
            lunchOut = dice.uniform(12 * 60, 13 * 60);
            lunchBack = lunchOut + dice.uniform(20, 45);
        }
        double breakOut = -1;
        double breakBack = -1;
        if (leave - arrive > 150 && dice.chance(0.4)) {
            breakOut = dice.uniform(arrive + 60, leave - 60);
            breakBack = breakOut + dice.uniform(5, 15);
            if (lunchOut >= 0 && breakBack > lunchOut - 10 && breakOut < lunchBack + 10) {
                breakOut = -1;
            }
        }
        List<double[]> away = new ArrayList<>();
        if (lunchOut >= 0) {
            away.add(new double[]{lunchOut, lunchBack});
        }
        if (breakOut >= 0) {
            away.add(new double[]{breakOut, breakBack});
        }
        away.sort(Comparator.comparingDouble(a -> a[0]));
        double at = arrive;
        for (double[] gap : away) {
            stays.add(new double[]{at, gap[0]});
            at = gap[1];
        }
        stays.add(new double[]{at, leave});
    }

    /** Most people arrive between 8 and 9, some from 7:30, some as late as 10. */
    private static double arrival(Dice dice) {
        double r = dice.uniform();
        if (r < 0.7) {
            return dice.triangular(8 * 60, 8 * 60 + 30, 9 * 60);
        }
        return r < 0.85 ? dice.uniform(7 * 60 + 30, 8 * 60) : dice.uniform(9 * 60, 10 * 60);
    }

    /** Most people go home between 16 and 18, some earlier; on Fridays between 14:00 and 16:30. */
    private static double departure(Dice dice, boolean friday) {
        if (friday) {
            return dice.triangular(14 * 60, 15 * 60, 16 * 60 + 30);
        }
        return dice.chance(0.8) ? dice.triangular(16 * 60, 16 * 60 + 45, 18 * 60) : dice.uniform(15 * 60, 16 * 60);
    }

    private List<Change> presenceChanges(Sensor sensor, Day day, List<double[]> stays) {
        List<double[]> steps = new ArrayList<>();
        for (double[] stay : stays) {
            steps.add(new double[]{stay[0], +1});
            steps.add(new double[]{stay[1], -1});
        }
        steps.sort(Comparator.comparingDouble((double[] s) -> s[0]).thenComparingDouble(s -> s[1]));
        List<Change> changes = new ArrayList<>();
        int inside = 0;
        for (double[] step : steps) {
            boolean before = inside > 0;
            inside += (int) step[1];
            if (before != inside > 0) {
                Instant at = day.instant(step[0]);
                changes.add(new Change(at, new SensorState.Presence(inside > 0, battery(sensor, at))));
            }
        }
        return changes;
    }

    /** A room's day: its meetings (booked, or now and then ad hoc) as people counts. */
    private List<Change> roomPlan(Sensor sensor, LocalDate date) {
        Optional<Site.OpeningHours> hours = sensor.site().hoursOn(date);
        if (hours.isEmpty()) {
            return List.of();
        }
        Day day = new Day(date, sensor.site().timeZone(), hours.get());
        int capacity = sensor.resource().capacity() == null ? 8 : sensor.resource().capacity();
        List<double[]> steps = new ArrayList<>();
        List<Booking> meetings = day.overlapping(bookingsOf(sensor));
        for (Booking booking : meetings) {
            Dice dice = Dice.of(seed, "meeting", booking.id());
            if (booking.status() != Booking.Status.CHECKED_IN && dice.chance(GHOST_MEETING_RATE)) {
                continue;
            }
            int expected = booking.attendees() == null ? 2 : booking.attendees();
            int[] drift = {-1, 0, 0, 0, 1};
            int people = Math.max(1, Math.min(capacity, expected + drift[dice.between(0, drift.length - 1)]));
            meeting(dice, day.minute(booking.start()), day.minute(booking.end()), people, steps);
        }
        if (meetings.isEmpty()) {
            Dice dice = Dice.of(seed, "ad-hoc", sensor.id(), date);
            if (dice.chance(AD_HOC_MEETING_CHANCE * ATTENDANCE.get(date.getDayOfWeek()))) {
                double from = Math.max(day.opens(), Math.round(dice.uniform(9 * 60, 15 * 60 + 30) / 5) * 5.0);
                double until = Math.min(day.closes(), from + dice.uniform(30, 60));
                meeting(dice, from, until, Math.min(capacity, dice.between(2, 4)), steps);
            }
        }
        steps.sort(Comparator.comparingDouble((double[] s) -> s[0]));
        List<Change> changes = new ArrayList<>();
        int count = 0;
        int entered = 0;
        for (double[] step : steps) {
            int delta = (int) step[1];
            count = Math.max(0, count + delta);
            entered += Math.max(0, delta);
            Instant at = day.instant(step[0]);
            SensorState state = new SensorState.PeopleCount(count, entered);
            // Steps at the same minute collapse into one message, as a counter reports once per interval.
            if (!changes.isEmpty() && changes.getLast().at().equals(at)) {
                changes.set(changes.size() - 1, new Change(at, state));
            } else {
                changes.add(new Change(at, state));
            }
        }
        return changes;
    }

    /** People arrive over the few minutes around the start, one may step out, they leave around the end. */
    private static void meeting(Dice dice, double from, double until, int people, List<double[]> steps) {
        int early = (people + 1) / 2;
        steps.add(new double[]{from - dice.uniform(0, 4), early});
        if (people > early) {
            steps.add(new double[]{from + dice.uniform(1, 5), people - early});
        }
        if (people >= 2 && until - from >= 45 && dice.chance(0.3)) {
            double out = dice.uniform(from + 15, until - 20);
            steps.add(new double[]{out, -1});
            steps.add(new double[]{out + dice.uniform(5, 10), +1});
        }
        int first = (people + 1) / 2;
        steps.add(new double[]{until - dice.uniform(0, 5), -first});
        steps.add(new double[]{until + dice.uniform(0, 2), -(people - first)});
    }

    /**
     * A vehicle's trips from the plan's start: the known bookings in order, with the charge it uses and gets back.
     * The plan starts at the run's start, or a day before today for long runs: the nights recharge every vehicle, so
     * older history does not change what it reports now.
     */
    private VehiclePlan vehiclePlan(Sensor sensor, Instant at) {
        Instant dayBefore = at.truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(1));
        Instant planStart = dayBefore.isAfter(start) ? dayBefore : start;
        VehiclePlan cached = vehiclePlans.get(sensor.id());
        if (cached != null && cached.from().equals(planStart)) {
            return cached;
        }
        VehiclePlan plan = buildVehiclePlan(sensor, planStart);
        vehiclePlans.put(sensor.id(), plan);
        return plan;
    }

    private VehiclePlan buildVehiclePlan(Sensor sensor, Instant from) {
        Resource vehicle = sensor.resource();
        boolean ebike = vehicle.type() == ResourceType.EBIKE;
        int range = vehicle.rangeKm() != null ? vehicle.rangeKm() : ebike ? 70 : 300;
        double perHour = ebike ? 40 : 20;
        Dice init = Dice.of(seed, "vehicle", sensor.id());
        double soc = from.equals(start) ? init.between(65, 100) : 100;
        double odometer = Math.round(init.uniform(800, 40_000) * 10) / 10.0;
        SensorState.Vehicle initial = new SensorState.Vehicle(true, true, (int) soc, odometer);
        List<Change> changes = new ArrayList<>();
        changes.add(new Change(from, initial));
        Instant plugged = from;
        for (Booking booking : bookingsOf(sensor)) {
            if (!booking.end().isAfter(plugged)) {
                continue;
            }
            Dice dice = Dice.of(seed, "trip", booking.id());
            if (booking.status() != Booking.Status.CHECKED_IN && dice.chance(UNCLAIMED_VEHICLE_RATE)) {
                continue;
            }
            Instant leave = max(booking.start().plusSeconds((long) dice.uniform(0, 600)), plugged.plusSeconds(60));
            Instant back = booking.end().minusSeconds((long) dice.uniform(0, 900));
            if (back.isBefore(leave.plus(Duration.ofMinutes(10)))) {
                back = max(booking.end(), leave.plus(Duration.ofMinutes(10)));
            }
            soc = charge(changes, plugged, leave, soc, perHour, odometer);
            double hours = Duration.between(leave, back).toSeconds() / 3600.0;
            // Pool trips are mostly waiting at the destination: a fraction of the time is spent driving.
            double km = Math.min(range * 0.85, hours * (ebike ? 12 : 35) * dice.uniform(0.35, 0.8));
            double socBack = Math.max(3, soc - km / range * 100);
            changes.add(new Change(leave, new SensorState.Vehicle(false, false, (int) Math.round(soc), odometer)));
            for (Instant t = leave.plus(ROAD_REPORT); t.isBefore(back); t = t.plus(ROAD_REPORT)) {
                double done = Duration.between(leave, t).toSeconds() / (double) Duration.between(leave, back).toSeconds();
                changes.add(new Change(t, new SensorState.Vehicle(false, false,
                        (int) Math.round(soc - (soc - socBack) * done), round1(odometer + km * done))));
            }
            odometer = round1(odometer + km);
            soc = socBack;
            changes.add(new Change(back, new SensorState.Vehicle(true, false, (int) Math.round(soc), odometer)));
            plugged = back.plusSeconds((long) dice.uniform(120, 600));
            changes.add(new Change(plugged, new SensorState.Vehicle(true, true, (int) Math.round(soc), odometer)));
        }
        charge(changes, plugged, plugged.plus(Duration.ofDays(2)), soc, perHour, odometer);
        return new VehiclePlan(from, initial, changes);
    }

    /** Charging from {@code from} until full or until {@code until}; reports every few minutes. */
    private static double charge(List<Change> changes, Instant from, Instant until, double soc, double perHour,
                                 double odometer) {
        double step = perHour * CHARGING_REPORT.toSeconds() / 3600.0;
        for (Instant t = from.plus(CHARGING_REPORT); t.isBefore(until) && soc < 100; t = t.plus(CHARGING_REPORT)) {
            // Batteries charge at half speed above 80 %.
            soc = Math.min(100, soc + (soc >= 80 ? step / 2 : step));
            changes.add(new Change(t, new SensorState.Vehicle(true, true, (int) Math.round(soc), odometer)));
        }
        return soc;
    }

    private List<Booking> bookingsOf(Sensor sensor) {
        return bookingsByResource.getOrDefault(sensor.resource().id(), List.of());
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static double round1(double value) {
        return Math.round(value * 10) / 10.0;
    }

    /** A simulated sensor: the resource it watches, how it appears on the wire, and its site. */
    private record Sensor(Resource resource, Device device, Site site) {
        String id() {
            return device.sensorId();
        }

        LocalDate localDate(Instant at) {
            return at.atZone(site.timeZone()).toLocalDate();
        }
    }

    /** A state a sensor should report from a simulated instant on. */
    private record Change(Instant at, SensorState state) {
    }

    private record PlanKey(String sensorId, LocalDate date) {
    }

    private record VehiclePlan(Instant from, SensorState.Vehicle initial, List<Change> changes) {
    }

    /** One local day at a site: times as minutes since local midnight, converted with the site's time zone. */
    private record Day(LocalDate date, ZoneId zone, Site.OpeningHours hours) {
        double opens() {
            return hours.opens().toSecondOfDay() / 60.0;
        }

        double closes() {
            return hours.closes().toSecondOfDay() / 60.0;
        }

        /** Wall-clock minutes since local midnight; before the day is negative, after it beyond 1440. */
        double minute(Instant at) {
            return Duration.between(date.atStartOfDay(), LocalDateTime.ofInstant(at, zone)).toSeconds() / 60.0;
        }

        Instant instant(double minute) {
            // Local wall-clock minutes, so "8:30" is 8:30 on the day daylight saving starts or ends too.
            long seconds = Math.round(minute * 60);
            return date.atStartOfDay().plusSeconds(seconds).atZone(zone).toInstant();
        }

        List<Booking> overlapping(List<Booking> bookings) {
            Instant from = instant(opens());
            Instant until = instant(closes());
            return bookings.stream().filter(b -> b.start().isBefore(until) && b.end().isAfter(from)).toList();
        }
    }
}
