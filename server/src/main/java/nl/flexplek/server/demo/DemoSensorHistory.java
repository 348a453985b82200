package nl.flexplek.server.demo;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.logging.Logger;

import nl.flexplek.server.booking.BookingSettings;
import nl.flexplek.server.booking.BookingStatus;
import nl.flexplek.server.booking.PolicyService;
import nl.flexplek.server.common.Database;
import nl.flexplek.server.estate.Estate;
import nl.flexplek.server.estate.OpeningHours;
import nl.flexplek.server.estate.Resource;
import nl.flexplek.server.estate.ResourceType;
import nl.flexplek.server.estate.Site;
import nl.flexplek.server.occupancy.ResourceState;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The sensors' side of the demo history, so the insights show real occupancy from the first start: for every past
 * booking the live-state changes it would have caused (booked until check-in, then in use until the end; a no-show
 * booked until its release; free in between), plus people working at free desks with a sensor without a booking
 * (walk-ins) and ad-hoc use of free rooms, fewer on Fridays. Made once per database (remembered in app_state), from
 * a fixed seed, after the booking history it follows.
 */
public final class DemoSensorHistory {
    private static final Logger LOG = Logger.getLogger(DemoSensorHistory.class.getName());
    private static final String STATE_KEY = "demo-sensor-history";

    private final Database db;
    private final PolicyService policies;
    private final LocalTime deskGraceFrom;

    public DemoSensorHistory(Database db, PolicyService policies, BookingSettings settings) {
        this.db = db;
        this.policies = policies;
        this.deskGraceFrom = settings.deskGraceFrom();
    }

    private record Past(String resourceId, Instant start, Instant end, BookingStatus status, Instant checkedInAt,
                        Instant releasedAt) {
    }

    private record Segment(Instant start, Instant end, ResourceState state) {
    }

    /** Generates the sensor history unless this database already has one; returns how many changes it stored. */
    public int generateOnce(Estate estate, Instant now) {
        int made = db.write(handle -> {
            boolean done = handle.createQuery("SELECT count(*) FROM app_state WHERE key = :key")
                    .bind("key", STATE_KEY).mapTo(Integer.class).one() > 0;
            if (done) {
                return 0;
            }
            int count = generate(handle, estate, now);
            handle.createUpdate("INSERT INTO app_state (key, value) VALUES (:key, :value)")
                    .bind("key", STATE_KEY).bind("value", "before " + now).execute();
            return count;
        });
        if (made > 0) {
            LOG.info(() -> "Demo sensor history: " + made + " occupancy changes");
        }
        return made;
    }

    private int generate(Handle handle, Estate estate, Instant now) {
        Map<String, List<Past>> byResource = new HashMap<>();
        handle.createQuery("""
                        SELECT resource_id, starts_at, ends_at, status, checked_in_at, released_at FROM booking
                        WHERE starts_at < :now AND status <> 'cancelled' ORDER BY resource_id, starts_at""")
                .bind("now", now)
                .map((rs, ctx) -> new Past(rs.getString(1), Instant.ofEpochMilli(rs.getLong(2)),
                        Instant.ofEpochMilli(rs.getLong(3)), status(rs.getString(4)), instant(rs, 5), instant(rs, 6)))
                .forEach(p -> byResource.computeIfAbsent(p.resourceId(), k -> new ArrayList<>()).add(p));
        Optional<Instant> first = byResource.values().stream().flatMap(List::stream).map(Past::start)
                .min(Comparator.naturalOrder());
        if (first.isEmpty()) {
            return 0;
        }
        Random random = new Random(7);
        PreparedBatch batch = handle.prepareBatch(
                "INSERT INTO occupancy_change (resource_id, site_id, state, at) VALUES (:resourceId, :siteId, :state, :at)");
        int count = 0;
        for (Site site : estate.sites().values()) {
            LocalDate firstDay = first.get().atZone(site.zone()).toLocalDate();
            LocalDate today = now.atZone(site.zone()).toLocalDate();
            for (Resource resource : estate.resourcesAt(site.id(), null)) {
                List<Segment> segments = new ArrayList<>();
                for (Past booking : byResource.getOrDefault(resource.id(), List.of())) {
                    addBooking(segments, site, resource, booking, now);
                }
                if (resource.sensorId() != null && !resource.type().isVehicle()) {
                    for (LocalDate day = firstDay; !day.isAfter(today); day = day.plusDays(1)) {
                        Optional<OpeningHours> hours = site.hoursOn(day);
                        if (hours.isPresent()) {
                            walkIn(segments, random, site, resource, day, hours.get(), now);
                        }
                    }
                }
                count += emit(batch, site, resource, segments, now);
            }
            if (batch.size() > 5_000) {
                batch.execute();
            }
        }
        if (batch.size() > 0) {
            batch.execute();
        }
        return count;
    }

    private void addBooking(List<Segment> segments, Site site, Resource resource, Past b, Instant now) {
        Instant end = b.end().isAfter(now) ? now : b.end();
        switch (b.status()) {
            case CHECKED_IN -> {
                Instant in = b.checkedInAt() == null || b.checkedInAt().isBefore(b.start()) ? b.start() : b.checkedInAt();
                add(segments, b.start(), in, ResourceState.BOOKED);
                add(segments, in, end, ResourceState.IN_USE);
            }
            case NO_SHOW -> {
                Instant released = b.releasedAt() != null ? b.releasedAt() : releaseTime(site, resource, b.start());
                add(segments, b.start(), released.isBefore(end) ? released : end, ResourceState.BOOKED);
            }
            default -> add(segments, b.start(), end, ResourceState.BOOKED);
        }
    }

    /** When the no-show release ran for a booking stored without one: its grace period after the start. */
    private Instant releaseTime(Site site, Resource resource, Instant start) {
        Instant from = start;
        if (resource.type() == ResourceType.DESK) {
            Instant workday = start.atZone(site.zone()).toLocalDate().atTime(deskGraceFrom).atZone(site.zone()).toInstant();
            from = workday.isAfter(start) ? workday : start;
        }
        return from.plus(policies.policy(resource.type()).grace());
    }

    /** Now and then someone uses a free desk or room without booking it. */
    private static void walkIn(List<Segment> segments, Random random, Site site, Resource resource, LocalDate day,
                               OpeningHours hours, Instant now) {
        double chance = resource.type() == ResourceType.DESK ? 0.06 : 0.15;
        if (day.getDayOfWeek() == DayOfWeek.FRIDAY) {
            chance /= 2;
        }
        if (random.nextDouble() >= chance) {
            return;
        }
        int open = hours.closes().toSecondOfDay() / 60 - hours.opens().toSecondOfDay() / 60;
        int minutes = resource.type() == ResourceType.DESK ? 60 + 15 * random.nextInt(13) : 30 + 15 * random.nextInt(5);
        if (open <= minutes + 60) {
            return;
        }
        LocalTime from = hours.opens().plusMinutes(30 + 15L * random.nextInt((open - minutes - 30) / 15));
        Instant start = ZonedDateTime.of(day, from, site.zone()).toInstant();
        Instant end = start.plusSeconds(60L * minutes);
        if (!end.isBefore(now)) {
            return;
        }
        for (Segment s : segments) {
            if (s.start().isBefore(end) && start.isBefore(s.end())) {
                return; // booked then: not a walk-in
            }
        }
        add(segments, start, end, ResourceState.WALK_IN);
    }

    private static void add(List<Segment> segments, Instant start, Instant end, ResourceState state) {
        if (start.isBefore(end)) {
            segments.add(new Segment(start, end, state));
        }
    }

    /** Stores the state changes of one resource's segments: free between them, nothing repeated. */
    private static int emit(PreparedBatch batch, Site site, Resource resource, List<Segment> segments, Instant now) {
        segments.sort(Comparator.comparing(Segment::start));
        ResourceState state = null;
        Instant lastEnd = null;
        int count = 0;
        for (Segment s : segments) {
            Instant start = lastEnd != null && lastEnd.isAfter(s.start()) ? lastEnd : s.start();
            if (!start.isBefore(s.end())) {
                continue;
            }
            if (lastEnd != null && start.isAfter(lastEnd) && state != ResourceState.FREE) {
                count += change(batch, site, resource, ResourceState.FREE, lastEnd);
                state = ResourceState.FREE;
            }
            if (s.state() != state) {
                count += change(batch, site, resource, s.state(), start);
                state = s.state();
            }
            lastEnd = s.end();
        }
        if (lastEnd != null && lastEnd.isBefore(now) && state != ResourceState.FREE) {
            count += change(batch, site, resource, ResourceState.FREE, lastEnd);
        }
        return count;
    }

    private static int change(PreparedBatch batch, Site site, Resource resource, ResourceState state, Instant at) {
        batch.bind("resourceId", resource.id()).bind("siteId", site.id()).bind("state", state).bind("at", at).add();
        return 1;
    }

    private static BookingStatus status(String code) {
        return nl.flexplek.server.common.Coded.find(BookingStatus.class, code).orElseThrow();
    }

    private static Instant instant(java.sql.ResultSet rs, int column) throws java.sql.SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }
}
