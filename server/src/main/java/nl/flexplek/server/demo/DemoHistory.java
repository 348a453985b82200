package nl.flexplek.server.demo;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.logging.Logger;

import nl.flexplek.server.booking.BookingRules;
import nl.flexplek.server.booking.BookingSettings;
import nl.flexplek.server.booking.BookingStatus;
import nl.flexplek.server.booking.CheckInMethod;
import nl.flexplek.server.booking.DayPart;
import nl.flexplek.server.booking.PolicyService;
import nl.flexplek.server.booking.Slot;
import nl.flexplek.server.common.Database;
import nl.flexplek.server.common.PolicyViolationException;
import nl.flexplek.server.estate.Estate;
import nl.flexplek.server.estate.OpeningHours;
import nl.flexplek.server.estate.Resource;
import nl.flexplek.server.estate.ResourceType;
import nl.flexplek.server.estate.Site;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * A plausible booking history for the demo, so dashboards have something to show: past weeks of desk, room and
 * vehicle bookings with check-ins (desks mostly 08:00-09:15), no-shows, desks released in the afternoon after
 * their booker left, and cancellations, plus the coming week's bookings. Busy Tuesdays and
 * Thursdays, quiet Fridays, people favouring their usual desk. Made once per database (remembered in app_state),
 * from a fixed seed.
 */
public final class DemoHistory {
    private static final Logger LOG = Logger.getLogger(DemoHistory.class.getName());
    private static final String STATE_KEY = "demo-history";
    private static final Map<DayOfWeek, Double> ATTENDANCE = Map.of(DayOfWeek.MONDAY, 0.55, DayOfWeek.TUESDAY, 0.8,
            DayOfWeek.WEDNESDAY, 0.6, DayOfWeek.THURSDAY, 0.75, DayOfWeek.FRIDAY, 0.3, DayOfWeek.SATURDAY, 0.05,
            DayOfWeek.SUNDAY, 0.0);

    private final Database db;
    private final PolicyService policies;
    private final BookingRules rules;
    private final LocalTime deskGraceFrom;

    public DemoHistory(Database db, PolicyService policies, BookingSettings settings) {
        this.db = db;
        this.policies = policies;
        this.rules = new BookingRules(settings);
        this.deskGraceFrom = settings.deskGraceFrom();
    }

    /** Generates the history unless this database already has one; returns how many bookings it made. */
    public int generateOnce(Estate estate, Instant now, int weeks) {
        int made = db.write(handle -> {
            boolean done = handle.createQuery("SELECT count(*) FROM app_state WHERE key = :key")
                    .bind("key", STATE_KEY).mapTo(Integer.class).one() > 0;
            if (done) {
                return 0;
            }
            int count = generate(handle, estate, now, weeks);
            handle.createUpdate("INSERT INTO app_state (key, value) VALUES (:key, :value)")
                    .bind("key", STATE_KEY).bind("value", weeks + " weeks before " + now).execute();
            return count;
        });
        if (made > 0) {
            LOG.info(() -> "Demo history: " + made + " bookings over " + weeks + " weeks");
        }
        return made;
    }

    private record Employee(long id, String siteId) {
    }

    private int generate(Handle handle, Estate estate, Instant now, int weeks) {
        Random random = new Random(42);
        Map<String, List<Employee>> bySite = new HashMap<>();
        handle.createQuery("SELECT id, site_id FROM account WHERE role = 'employee' AND site_id IS NOT NULL ORDER BY id")
                .map((rs, ctx) -> new Employee(rs.getLong(1), rs.getString(2)))
                .forEach(e -> bySite.computeIfAbsent(e.siteId(), k -> new ArrayList<>()).add(e));
        Map<Long, Integer> usualDesk = new HashMap<>();
        PreparedBatch batch = handle.prepareBatch("""
                INSERT INTO booking (resource_id, resource_type, account_id, starts_at, ends_at, blocked_until,
                                     local_date, day_part, attendees, status, created_at, checked_in_at,
                                     check_in_method, cancelled_at, released_at, release_reason)
                VALUES (:resourceId, :type, :accountId, :start, :end, :blockedUntil, :date, :part, :attendees,
                        :status, :createdAt, :checkedInAt, :method, :cancelledAt, :releasedAt, :releaseReason)""");
        int[] count = {0};
        for (Site site : estate.sites().values()) {
            List<Employee> staff = bySite.getOrDefault(site.id(), List.of());
            LocalDate today = now.atZone(site.zone()).toLocalDate();
            for (LocalDate date = today.minusWeeks(weeks); !date.isAfter(today.plusDays(7)); date = date.plusDays(1)) {
                Optional<OpeningHours> hours = site.hoursOn(date);
                if (hours.isEmpty()) {
                    continue;
                }
                desks(batch, random, site, estate.resourcesAt(site.id(), ResourceType.DESK), staff, date, now, usualDesk, count);
                for (Resource room : estate.resourcesAt(site.id(), ResourceType.ROOM)) {
                    timed(batch, random, site, room, staff, date, hours.get(), now, count, 30, 120, random.nextInt(6));
                }
                for (ResourceType type : List.of(ResourceType.EBIKE, ResourceType.ECAR)) {
                    for (Resource vehicle : estate.resourcesAt(site.id(), type)) {
                        timed(batch, random, site, vehicle, staff, date, hours.get(), now, count, 60, 300, random.nextInt(3));
                    }
                }
                if (batch.size() > 5_000) {
                    batch.execute();
                }
            }
        }
        if (batch.size() > 0) {
            batch.execute();
        }
        return count[0];
    }

    private void desks(PreparedBatch batch, Random random, Site site, List<Resource> desks, List<Employee> staff,
                       LocalDate date, Instant now, Map<Long, Integer> usualDesk, int[] count) {
        if (desks.isEmpty() || staff.isEmpty()) {
            return;
        }
        double attendance = ATTENDANCE.get(date.getDayOfWeek());
        List<Employee> coming = new ArrayList<>(staff);
        Collections.shuffle(coming, random);
        coming = coming.subList(0, (int) Math.round(coming.size() * attendance * (0.85 + random.nextDouble() * 0.3)));
        Set<Integer> morningTaken = new HashSet<>();
        Set<Integer> afternoonTaken = new HashSet<>();
        for (Employee e : coming) {
            int roll = random.nextInt(100);
            DayPart part = roll < 70 ? DayPart.DAY : roll < 85 ? DayPart.MORNING : DayPart.AFTERNOON;
            if (part != DayPart.DAY && !hasPart(site, date, part)) {
                part = DayPart.DAY;
            }
            int usual = usualDesk.computeIfAbsent(e.id(), k -> random.nextInt(desks.size()));
            int desk = random.nextInt(100) < 70 ? usual : random.nextInt(desks.size());
            for (int tries = 0; tries < desks.size() && !free(desk, part, morningTaken, afternoonTaken); tries++) {
                desk = (desk + 1) % desks.size();
            }
            if (!free(desk, part, morningTaken, afternoonTaken)) {
                continue;
            }
            if (part != DayPart.AFTERNOON) {
                morningTaken.add(desk);
            }
            if (part != DayPart.MORNING) {
                afternoonTaken.add(desk);
            }
            Slot slot = rules.daySlot(site, date, part);
            add(batch, random, site, desks.get(desk), e.id(), slot.start(), slot.end(), Duration.ZERO, date, part, null, now, count);
        }
    }

    private boolean hasPart(Site site, LocalDate date, DayPart part) {
        try {
            rules.daySlot(site, date, part);
            return true;
        } catch (PolicyViolationException e) {
            return false;
        }
    }

    private static boolean free(int desk, DayPart part, Set<Integer> morning, Set<Integer> afternoon) {
        return (part == DayPart.AFTERNOON || !morning.contains(desk)) && (part == DayPart.MORNING || !afternoon.contains(desk));
    }

    /** Rooms and vehicles: a few bookings one after another through the opening hours, on the 15-minute grid. */
    private void timed(PreparedBatch batch, Random random, Site site, Resource resource, List<Employee> staff,
                       LocalDate date, OpeningHours hours, Instant now, int[] count, int minMinutes, int maxMinutes,
                       int bookings) {
        if (staff.isEmpty()) {
            return;
        }
        Duration turnaround = policies.policy(resource.type()).turnaround();
        LocalTime cursor = hours.opens().plusMinutes(15L * random.nextInt(8));
        for (int i = 0; i < bookings; i++) {
            int minutes = minMinutes + 15 * random.nextInt((maxMinutes - minMinutes) / 15 + 1);
            LocalTime end = cursor.plusMinutes(minutes);
            if (end.isAfter(hours.closes()) || end.isBefore(cursor)) {
                return;
            }
            Instant startAt = ZonedDateTime.of(date, cursor, site.zone()).toInstant();
            Instant endAt = ZonedDateTime.of(date, end, site.zone()).toInstant();
            Integer attendees = resource.type() == ResourceType.ROOM
                    ? 1 + random.nextInt(resource.capacity()) : null;
            Employee who = staff.get(random.nextInt(staff.size()));
            add(batch, random, site, resource, who.id(), startAt, endAt, turnaround, null, null, attendees, now, count);
            long gap = turnaround.toMinutes() + 15L * random.nextInt(9);
            cursor = end.plusMinutes(gap - gap % 15 + 15);
            if (cursor.isBefore(end)) {
                return;
            }
        }
    }

    private void add(PreparedBatch batch, Random random, Site site, Resource resource, long accountId, Instant start,
                            Instant end, Duration turnaround, LocalDate date, DayPart part, Integer attendees,
                            Instant now, int[] count) {
        Instant created = start.minus(Duration.ofMinutes(60L + random.nextInt(60 * 24 * 6)));
        if (created.isAfter(now)) {
            created = now.minus(Duration.ofMinutes(1 + random.nextInt(600)));
        }
        BookingStatus status = BookingStatus.CONFIRMED;
        Instant checkedIn = null;
        CheckInMethod method = null;
        Instant cancelled = null;
        Instant released = null;
        String releaseReason = null;
        int roll = random.nextInt(100);
        if (roll < 7) {
            status = BookingStatus.CANCELLED;
            cancelled = created.plus(Duration.between(created, start).dividedBy(2));
            if (cancelled.isAfter(now)) {
                cancelled = now;
            }
        } else if (start.isBefore(now)) {
            if (roll < 17) {
                status = BookingStatus.NO_SHOW;
                released = releaseTime(site, resource, start);
                if (released.isAfter(now)) {
                    released = now;
                }
                releaseReason = "no-show";
            } else {
                status = BookingStatus.CHECKED_IN;
                checkedIn = arrival(site, resource, start, random.nextInt(25));
                int how = random.nextInt(10);
                method = how < 6 ? CheckInMethod.SENSOR : how < 9 ? CheckInMethod.APP : CheckInMethod.QR;
                if (checkedIn.isAfter(now)) {
                    checkedIn = now;
                }
                if (resource.type() == ResourceType.DESK && part == DayPart.DAY) {
                    // Most people go home mid-afternoon; a desk left empty is released two hours later.
                    Instant left = ZonedDateTime.of(date, LocalTime.of(15, 0).plusMinutes(15L * random.nextInt(10)),
                            site.zone()).toInstant();
                    Instant release = left.plus(Duration.ofHours(2));
                    if (release.isBefore(end) && release.isBefore(now)) {
                        end = release;
                        released = release;
                        releaseReason = "left-empty";
                    }
                }
            }
        }
        batch.bind("resourceId", resource.id()).bind("type", resource.type()).bind("accountId", accountId)
                .bind("start", start).bind("end", end).bind("blockedUntil", end.plus(turnaround))
                .bind("date", date).bind("part", part).bind("attendees", attendees).bind("status", status)
                .bind("createdAt", created).bind("checkedInAt", checkedIn).bind("method", method)
                .bind("cancelledAt", cancelled).bind("releasedAt", released)
                .bind("releaseReason", releaseReason).add();
        count[0]++;
    }

    /** Desk people arrive 08:00-09:15 for a booking from opening time; everyone else shortly after the start. */
    private Instant arrival(Site site, Resource resource, Instant start, int late) {
        if (resource.type() == ResourceType.DESK) {
            Instant arrivals = start.atZone(site.zone()).toLocalDate().atTime(deskGraceFrom.minusHours(1))
                    .atZone(site.zone()).toInstant();
            if (arrivals.isAfter(start)) {
                return arrivals.plus(Duration.ofMinutes(3L * late));
            }
        }
        return start.plus(Duration.ofMinutes(late));
    }

    /** When the no-show release would have run: the grace period after the start (desks: not before the working day). */
    private Instant releaseTime(Site site, Resource resource, Instant start) {
        Instant from = start;
        if (resource.type() == ResourceType.DESK) {
            ZonedDateTime local = start.atZone(site.zone());
            Instant workday = local.toLocalDate().atTime(deskGraceFrom).atZone(site.zone()).toInstant();
            from = workday.isAfter(start) ? workday : start;
        }
        return from.plus(policies.policy(resource.type()).grace());
    }
}
