package nl.flexplek.server.insights;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import nl.flexplek.server.booking.BookingStatus;
import nl.flexplek.server.estate.OpeningHours;
import nl.flexplek.server.estate.Resource;
import nl.flexplek.server.estate.Site;
import nl.flexplek.server.occupancy.ResourceState;

/**
 * Adds up, for one site, a set of its resources and a period of local days, how long each resource was booked and
 * occupied inside the opening hours (per day and per opening hour), and counts bookings, check-ins, no-shows,
 * cancellations and walk-ins by the day they started. One instance per request, on the request's thread.
 * <p>
 * The definitions the API documents live here. Opening hours are cut into hour slots of local time (a slot is
 * shorter where the site opens or closes mid-hour). <em>Booked</em>: held by a confirmed or checked-in booking, or by
 * a no-show until it was released. <em>Occupied</em>: the recorded live state was {@code in-use}, {@code walk-in} or
 * (vehicles) {@code away}; only time that has passed counts, so occupied shares are of elapsed opening time.
 */
final class UsageLedger {
    private static final Set<ResourceState> OCCUPIED = EnumSet.of(ResourceState.IN_USE, ResourceState.WALK_IN,
            ResourceState.AWAY);

    /** One opening hour of one day, [start, end) in epoch milliseconds. */
    record Slot(int day, LocalDate date, DayOfWeek weekday, int hour, LocalTime localStart, long start, long end) {
        long length() {
            return end - start;
        }
    }

    /** Sums for some resources over some days; the capacities are resource-milliseconds of opening time. */
    record Totals(int resources, long capacity, long elapsedCapacity, long booked, long occupied, int bookings,
                  int checkedIn, int noShows, int cancelled, int walkIns) {

        Double bookedPercent() {
            return Figures.percent(booked, capacity);
        }

        Double occupiedPercent() {
            return Figures.percent(occupied, elapsedCapacity);
        }

        double resourceHours() {
            return Figures.hours(capacity);
        }
    }

    /** Sums for one slot over all the ledger's resources; the counts are bookings holding a resource in it. */
    record SlotTotals(Slot slot, int resources, long capacity, long elapsedCapacity, long booked, long occupied,
                      int bookings, int checkedIn, int noShows) {

        Double occupiedPercent() {
            return Figures.percent(occupied, elapsedCapacity);
        }
    }

    private final ZoneId zone;
    private final Period period;
    private final List<Resource> resources;
    private final Map<String, Integer> index = new HashMap<>();
    private final long now;
    private final long periodStart;
    private final long periodEnd;
    private final List<Slot> slots = new ArrayList<>();
    private final long[] slotEnds;
    private final long[] dayOpen;
    private final long[] dayElapsed;
    private final int firstHour;
    private final int endHour;

    private final long[] slotBooked;
    private final long[] slotOccupied;
    private final int[] slotBookings;
    private final int[] slotCheckedIn;
    private final int[] slotNoShows;
    private final long[][] booked;
    private final long[][] occupied;
    private final int[][] bookings;
    private final int[][] checkedIn;
    private final int[][] noShows;
    private final int[][] cancelled;
    private final int[][] walkIns;
    private final List<List<long[]>> held;
    private final long[] heldInPeriod;
    private boolean finished;

    UsageLedger(Site site, Period period, List<Resource> resources, Instant now) {
        this.zone = site.zone();
        this.period = period;
        this.resources = List.copyOf(resources);
        for (int i = 0; i < this.resources.size(); i++) {
            index.put(this.resources.get(i).id(), i);
        }
        this.now = now.toEpochMilli();
        this.periodStart = period.start(zone).toEpochMilli();
        this.periodEnd = period.end(zone).toEpochMilli();
        int days = period.days();
        this.dayOpen = new long[days];
        this.dayElapsed = new long[days];
        for (int d = 0; d < days; d++) {
            LocalDate date = period.day(d);
            Optional<OpeningHours> hours = site.hoursOn(date);
            if (hours.isPresent()) {
                addSlots(d, date, hours.get());
            }
        }
        this.slotEnds = slots.stream().mapToLong(Slot::end).toArray();
        this.firstHour = site.openingHours().stream().mapToInt(h -> h.opens().getHour()).min().orElse(0);
        this.endHour = site.openingHours().stream().mapToInt(h -> endHour(h.closes())).max().orElse(0);
        int n = this.resources.size();
        this.slotBooked = new long[slots.size()];
        this.slotOccupied = new long[slots.size()];
        this.slotBookings = new int[slots.size()];
        this.slotCheckedIn = new int[slots.size()];
        this.slotNoShows = new int[slots.size()];
        this.booked = new long[days][n];
        this.occupied = new long[days][n];
        this.bookings = new int[days][n];
        this.checkedIn = new int[days][n];
        this.noShows = new int[days][n];
        this.cancelled = new int[days][n];
        this.walkIns = new int[days][n];
        this.heldInPeriod = new long[n];
        this.held = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            held.add(new ArrayList<>());
        }
    }

    private void addSlots(int day, LocalDate date, OpeningHours hours) {
        for (int h = hours.opens().getHour(); h < endHour(hours.closes()); h++) {
            LocalTime start = h == hours.opens().getHour() ? hours.opens() : LocalTime.of(h, 0);
            LocalTime end = h + 1 >= endHour(hours.closes()) ? hours.closes() : LocalTime.of(h + 1, 0);
            long s = ZonedDateTime.of(date, start, zone).toInstant().toEpochMilli();
            long e = ZonedDateTime.of(date, end, zone).toInstant().toEpochMilli();
            if (e <= s) {
                continue; // a local hour that daylight saving skips
            }
            slots.add(new Slot(day, date, date.getDayOfWeek(), h, start, s, e));
            dayOpen[day] += e - s;
            dayElapsed[day] += Math.max(0, Math.min(e, now) - s);
        }
    }

    /** The hour after the last one a closing time reaches into: 18:00 gives 18, 17:30 gives 18. */
    private static int endHour(LocalTime closes) {
        return closes.getHour() + (closes.getMinute() > 0 || closes.getSecond() > 0 ? 1 : 0);
    }

    /** Takes in one booking; bookings of resources outside the ledger are ignored. */
    void add(InsightsDao.BookingRow b) {
        Integer r = index.get(b.resourceId());
        if (r == null) {
            return;
        }
        int day = dayOf(b.startsAt().toEpochMilli());
        if (day >= 0) {
            if (b.status() == BookingStatus.CANCELLED) {
                cancelled[day][r]++;
            } else {
                bookings[day][r]++;
                if (b.checkedInAt() != null) {
                    checkedIn[day][r]++;
                }
                if (b.status() == BookingStatus.NO_SHOW) {
                    noShows[day][r]++;
                }
            }
        }
        if (b.status() == BookingStatus.CANCELLED) {
            return;
        }
        long start = b.startsAt().toEpochMilli();
        long end = b.endsAt().toEpochMilli();
        if (b.status() == BookingStatus.NO_SHOW && b.releasedAt() != null) {
            end = Math.min(end, b.releasedAt().toEpochMilli());
        }
        if (end <= start) {
            return;
        }
        held.get(r).add(new long[]{start, end});
        for (int i = firstSlotEndingAfter(start); i < slots.size() && slots.get(i).start() < end; i++) {
            slotBookings[i]++;
            if (b.checkedInAt() != null) {
                slotCheckedIn[i]++;
            }
            if (b.status() == BookingStatus.NO_SHOW) {
                slotNoShows[i]++;
            }
        }
    }

    /**
     * Takes in the recorded live states: each resource's state when the period began, and the changes in the period
     * in time order per resource. A state lasts until the next change, or until now.
     */
    void addStates(Map<String, ResourceState> before, List<InsightsDao.ChangeRow> changes) {
        Map<String, List<InsightsDao.ChangeRow>> byResource = new HashMap<>();
        for (InsightsDao.ChangeRow c : changes) {
            byResource.computeIfAbsent(c.resourceId(), k -> new ArrayList<>()).add(c);
        }
        long until = Math.min(now, periodEnd);
        for (Map.Entry<String, Integer> entry : index.entrySet()) {
            int r = entry.getValue();
            ResourceState state = before.get(entry.getKey());
            long since = periodStart;
            for (InsightsDao.ChangeRow c : byResource.getOrDefault(entry.getKey(), List.of())) {
                long at = c.at().toEpochMilli();
                if (state != null && OCCUPIED.contains(state)) {
                    spread(since, Math.min(at, until), r, slotOccupied, occupied);
                }
                if (c.state() == ResourceState.WALK_IN && state != ResourceState.WALK_IN) {
                    int day = dayOf(at);
                    if (day >= 0) {
                        walkIns[day][r]++;
                    }
                }
                state = c.state();
                since = at;
            }
            if (state != null && OCCUPIED.contains(state)) {
                spread(since, until, r, slotOccupied, occupied);
            }
        }
    }

    /** Adds up the booked time; call once, after every booking was added. */
    UsageLedger finish() {
        if (!finished) {
            finished = true;
            for (int r = 0; r < held.size(); r++) {
                // A no-show's hold and a later booking of the same resource may overlap; count that time once.
                List<long[]> intervals = held.get(r);
                intervals.sort(Comparator.comparingLong(i -> i[0]));
                long start = Long.MIN_VALUE;
                long end = Long.MIN_VALUE;
                for (long[] interval : intervals) {
                    if (interval[0] > end) {
                        addHeld(start, end, r);
                        start = interval[0];
                    }
                    end = Math.max(end, interval[1]);
                }
                addHeld(start, end, r);
            }
        }
        return this;
    }

    private void addHeld(long start, long end, int r) {
        if (end <= start) {
            return;
        }
        heldInPeriod[r] += Math.max(0, Math.min(end, periodEnd) - Math.max(start, periodStart));
        spread(start, end, r, slotBooked, booked);
    }

    private void spread(long start, long end, int r, long[] perSlot, long[][] perDay) {
        if (end <= start) {
            return;
        }
        for (int i = firstSlotEndingAfter(start); i < slots.size() && slots.get(i).start() < end; i++) {
            Slot slot = slots.get(i);
            long overlap = Math.min(end, slot.end()) - Math.max(start, slot.start());
            if (overlap > 0) {
                perSlot[i] += overlap;
                perDay[slot.day()][r] += overlap;
            }
        }
    }

    private int firstSlotEndingAfter(long t) {
        int i = Arrays.binarySearch(slotEnds, t);
        // An exact hit is a slot ending at t, which does not reach past it: the next one may.
        return i >= 0 ? i + 1 : -i - 1;
    }

    private int dayOf(long epochMilli) {
        if (epochMilli < periodStart || epochMilli >= periodEnd) {
            return -1;
        }
        LocalDate date = Instant.ofEpochMilli(epochMilli).atZone(zone).toLocalDate();
        return (int) ChronoUnit.DAYS.between(period.from(), date);
    }

    // ---- what the figures are made of

    Period period() {
        return period;
    }

    List<Resource> resources() {
        return resources;
    }

    /** Whether the site was open on the day with this index. */
    boolean open(int day) {
        return dayOpen[day] > 0;
    }

    /** Sums over the days [fromDay, toDay) and the ledger's resources that match. */
    Totals totals(int fromDay, int toDay, Predicate<Resource> which) {
        finish();
        int count = 0;
        long capacity = 0;
        long elapsed = 0;
        long bookedSum = 0;
        long occupiedSum = 0;
        int bookingSum = 0;
        int checkedInSum = 0;
        int noShowSum = 0;
        int cancelledSum = 0;
        int walkInSum = 0;
        for (int r = 0; r < resources.size(); r++) {
            if (!which.test(resources.get(r))) {
                continue;
            }
            count++;
            for (int d = fromDay; d < toDay; d++) {
                capacity += dayOpen[d];
                elapsed += dayElapsed[d];
                bookedSum += booked[d][r];
                occupiedSum += occupied[d][r];
                bookingSum += bookings[d][r];
                checkedInSum += checkedIn[d][r];
                noShowSum += noShows[d][r];
                cancelledSum += cancelled[d][r];
                walkInSum += walkIns[d][r];
            }
        }
        return new Totals(count, capacity, elapsed, bookedSum, occupiedSum, bookingSum, checkedInSum, noShowSum,
                cancelledSum, walkInSum);
    }

    /** How long a resource was held by bookings in the period, opening hours or not (a trip may last overnight). */
    long heldInPeriod(String resourceId) {
        finish();
        Integer r = index.get(resourceId);
        return r == null ? 0 : heldInPeriod[r];
    }

    /** Sums over the whole period and every resource of the ledger. */
    Totals totals() {
        return totals(0, period.days(), r -> true);
    }

    /** Every opening-hour slot of the period with its sums over all the ledger's resources. */
    List<SlotTotals> slots() {
        finish();
        int n = resources.size();
        List<SlotTotals> out = new ArrayList<>(slots.size());
        for (int i = 0; i < slots.size(); i++) {
            Slot slot = slots.get(i);
            long elapsed = Math.max(0, Math.min(slot.end(), now) - slot.start());
            out.add(new SlotTotals(slot, n, slot.length() * n, elapsed * n, slotBooked[i], slotOccupied[i],
                    slotBookings[i], slotCheckedIn[i], slotNoShows[i]));
        }
        return out;
    }

    /** The heatmap's columns: the local hours from the earliest opening to the latest closing of any weekday. */
    int firstHour() {
        return firstHour;
    }

    int endHour() {
        return endHour;
    }
}
