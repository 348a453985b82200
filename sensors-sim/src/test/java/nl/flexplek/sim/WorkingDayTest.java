package nl.flexplek.sim;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The working day as a facility manager would recognise it, on a small made-up office with a fixed seed, by moving
 * the simulated clock minute by minute from Monday night to Saturday: nobody before opening, booked desks filled
 * by mid-morning, a lunch dip, everyone gone after closing, a quieter Friday, meetings that fill and empty rooms, and
 * pool cars that leave, come back emptier and charge again.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkingDayTest {
    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final LocalDate TUESDAY = LocalDate.of(2026, 11, 24);
    private static final LocalDate FRIDAY = LocalDate.of(2026, 11, 27);
    private static final LocalDate SATURDAY = LocalDate.of(2026, 11, 28);
    private static final int DESKS = 40;
    private static final int BOOKED = 20;
    private static final long SEED = 42;

    private final List<Booking> bookings = new ArrayList<>();
    private final List<Meeting> meetings = new ArrayList<>();
    private WorkingDay day;
    private Instant now;
    /** Occupied desks at every simulated minute, from the reported states. */
    private final Map<Instant, Integer> occupiedByMinute = new HashMap<>();
    private final Map<Instant, Map<String, SensorState>> snapshots = new HashMap<>();

    private record Meeting(String room, Instant start, Instant end, int attendees) {
    }

    @BeforeAll
    void playTheWeek() {
        Estate estate = estate();
        long id = 1;
        for (LocalDate date : List.of(TUESDAY, FRIDAY)) {
            for (int d = 1; d <= BOOKED; d++) {
                bookings.add(booking(id++, "desk-" + d, ResourceType.DESK, at(date, 7, 0), at(date, 19, 0), null));
            }
        }
        int[][] plan = {{1, 9, 0, 10, 0, 5}, {1, 11, 0, 12, 0, 3}, {1, 14, 0, 15, 30, 6}, {2, 9, 30, 10, 30, 4},
                {2, 13, 0, 14, 0, 8}, {3, 10, 0, 11, 0, 2}, {3, 15, 0, 16, 0, 5}, {2, 16, 0, 17, 0, 3}};
        for (int[] m : plan) {
            Meeting meeting = new Meeting("room-" + m[0], at(TUESDAY, m[1], m[2]), at(TUESDAY, m[3], m[4]), m[5]);
            meetings.add(meeting);
            bookings.add(booking(id++, meeting.room(), ResourceType.ROOM, meeting.start(), meeting.end(), meeting.attendees()));
        }
        bookings.add(booking(id++, "ecar-1", ResourceType.ECAR, at(TUESDAY, 9, 0), at(TUESDAY, 12, 0), null));
        bookings.add(booking(id, "ebike-1", ResourceType.EBIKE, at(TUESDAY, 13, 0), at(TUESDAY, 15, 0), null));

        now = at(TUESDAY, 0, 0).minus(Duration.ofHours(1));
        day = new WorkingDay(estate, r -> Device.of(r, new NativeFormat()), SEED, now);
        day.bookings(bookings);
        day.begin();
        for (Instant end = at(SATURDAY.plusDays(1), 0, 0); now.isBefore(end); ) {
            now = now.plus(Duration.ofMinutes(1));
            day.advanceTo(now);
            occupiedByMinute.put(now, occupiedDesks(1, DESKS));
            if (now.atZone(AMSTERDAM).getMinute() % 5 == 0) {
                Map<String, SensorState> states = new HashMap<>();
                for (Device device : day.devices()) {
                    day.reported(device.sensorId()).ifPresent(s -> states.put(device.sensorId(), s));
                }
                snapshots.put(now, states);
            }
        }
    }

    @Test
    void bookedDesksFillUpByMidMorning_andNobodyIsInBeforeSevenOrAfterClosing() {
        assertTrue(booked(TUESDAY, 7, 0) <= BOOKED / 10, "at 07:00 few booked desks are taken: " + booked(TUESDAY, 7, 0));
        assertTrue(booked(TUESDAY, 10, 0) >= BOOKED * 7 / 10, "at 10:00 most booked desks are taken: " + booked(TUESDAY, 10, 0));
        assertEquals(0, occupied(TUESDAY, 20, 0), "at 20:00 the building is closed and empty");
        assertEquals(0, occupied(TUESDAY, 6, 30), "before opening nobody is in");
    }

    @Test
    void lunchEmptiesManyDesksForAWhile() {
        int midMorning = occupied(TUESDAY, 10, 30);
        int lunchLow = IntStream.rangeClosed(0, 90).map(m -> occupiedAt(at(TUESDAY, 12, 0).plus(Duration.ofMinutes(m))))
                .min().orElseThrow();
        assertTrue(lunchLow <= midMorning * 8 / 10, "the lunch dip (" + lunchLow + ") is well below 10:30 (" + midMorning + ")");
    }

    @Test
    void fridayIsQuieter_thanTuesdayWithTheSameBookings() {
        long tuesday = deskMinutes(TUESDAY);
        long friday = deskMinutes(FRIDAY);
        assertTrue(friday < tuesday * 0.9, "desk-minutes Friday " + friday + " vs Tuesday " + tuesday);
        assertTrue(occupied(FRIDAY, 16, 30) < occupied(TUESDAY, 16, 30),
                "Friday afternoon empties early: " + occupied(FRIDAY, 16, 30) + " vs " + occupied(TUESDAY, 16, 30));
    }

    @Test
    void aSiteThatIsClosedOnSaturday_staysEmpty() {
        assertEquals(0, IntStream.range(0, 24 * 60).map(m -> occupiedAt(at(SATURDAY, 0, 0).plus(Duration.ofMinutes(m))))
                .max().orElseThrow());
    }

    @Test
    void aBookedRoomShowsItsAttendeesDuringTheMeeting_andNobodyAfterwards() {
        int attended = 0;
        for (Meeting meeting : meetings) {
            Instant middle = meeting.start().plus(Duration.between(meeting.start(), meeting.end()).dividedBy(2));
            int during = count(meeting.room(), roundTo5(middle));
            assertTrue(during == 0 || Math.abs(during - meeting.attendees()) <= 2,
                    meeting + " shows " + during + " people halfway");
            if (during > 0) {
                attended++;
            }
            Instant after = roundTo5(meeting.end().plus(Duration.ofMinutes(5)));
            boolean nextStartsSoon = meetings.stream().anyMatch(m -> m.room().equals(meeting.room())
                    && !m.start().isBefore(meeting.end()) && m.start().isBefore(after.plus(Duration.ofMinutes(5))));
            if (!nextStartsSoon) {
                assertEquals(0, count(meeting.room(), after), meeting + " is empty five minutes after its end");
            }
        }
        assertTrue(attended >= meetings.size() * 3 / 4, "most meetings are attended: " + attended + "/" + meetings.size());
        assertEquals(0, count("room-1", at(TUESDAY, 8, 0)), "no one in the room before the first meeting");
    }

    @Test
    void aBookedCarLeaves_comesBackWithLessCharge_andChargesAgain() {
        SensorState.Vehicle before = vehicle("ecar-1", at(TUESDAY, 8, 55));
        SensorState.Vehicle during = vehicle("ecar-1", at(TUESDAY, 10, 30));
        SensorState.Vehicle back = vehicle("ecar-1", at(TUESDAY, 12, 5));
        SensorState.Vehicle later = vehicle("ecar-1", at(TUESDAY, 14, 0));

        assertTrue(before.present() && before.plugged(), "waiting at its charger before the trip: " + before);
        assertFalse(during.present(), "away during its booking: " + during);
        assertFalse(during.plugged(), "not plugged in on the road");
        assertTrue(back.present(), "back at the end of its booking: " + back);
        assertTrue(back.soc() < before.soc(), "came back with less charge: " + before.soc() + " -> " + back.soc());
        assertTrue(back.odometerKm() > before.odometerKm(), "the odometer moved");
        assertTrue(later.plugged() && later.soc() > back.soc(), "plugged in and charging: " + back.soc() + " -> " + later.soc());
    }

    @Test
    void anEbikeUsesMoreOfItsSmallBattery_andChargesFaster() {
        SensorState.Vehicle before = vehicle("ebike-1", at(TUESDAY, 12, 55));
        SensorState.Vehicle back = vehicle("ebike-1", at(TUESDAY, 15, 5));
        SensorState.Vehicle hourLater = vehicle("ebike-1", at(TUESDAY, 16, 15));
        assertTrue(back.soc() < before.soc(), "used charge: " + before.soc() + " -> " + back.soc());
        assertTrue(hourLater.soc() - back.soc() >= 20 || hourLater.soc() == 100,
                "an e-bike charges quickly: " + back.soc() + " -> " + hourLater.soc());
    }

    @Test
    void everySensorSaysSomethingAtLeastEveryTenSimulatedMinutes_evenAtNight() {
        Instant from = at(TUESDAY, 2, 0);
        WorkingDay night = new WorkingDay(estate(), r -> Device.of(r, new NativeFormat()), SEED, from);
        night.begin();
        Map<String, Integer> heard = new HashMap<>();
        for (Instant t = from; t.isBefore(from.plus(Duration.ofHours(1))); t = t.plus(Duration.ofMinutes(1))) {
            night.advanceTo(t.plus(Duration.ofMinutes(1))).forEach(u -> heard.merge(u.device().sensorId(), 1, Integer::sum));
        }
        for (Device device : night.devices()) {
            assertTrue(heard.getOrDefault(device.sensorId(), 0) >= 5, device.sensorId() + " was heard "
                    + heard.get(device.sensorId()) + " times in a quiet hour");
        }
    }

    @Test
    void theSameSeedPlaysTheSameDay() {
        Instant from = at(TUESDAY, 6, 0);
        List<String> first = play(from);
        List<String> second = play(from);
        assertEquals(first, second);
        assertFalse(first.isEmpty());
    }

    private List<String> play(Instant from) {
        WorkingDay run = new WorkingDay(estate(), r -> Device.of(r, new NativeFormat()), SEED, from);
        run.bookings(bookings);
        List<String> seen = new ArrayList<>();
        run.begin().forEach(u -> seen.add(u.toString()));
        for (Instant t = from; t.isBefore(from.plus(Duration.ofHours(12))); t = t.plus(Duration.ofMinutes(3))) {
            run.advanceTo(t).forEach(u -> seen.add(u.toString()));
        }
        return seen;
    }

    // ---- the made-up office ----

    private static Estate estate() {
        List<Site.OpeningHours> weekdays = new ArrayList<>();
        for (DayOfWeek d : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            weekdays.add(new Site.OpeningHours(d, LocalTime.of(7, 0), LocalTime.of(19, 0)));
        }
        Site office = new Site("office", "Office", AMSTERDAM, weekdays, List.of());
        List<Resource> resources = new ArrayList<>();
        for (int d = 1; d <= DESKS; d++) {
            resources.add(new Resource("desk-" + d, "office", ResourceType.DESK, "Desk " + d, null, null, "pir-desk-" + d, true));
        }
        resources.add(new Resource("desk-unsensed", "office", ResourceType.DESK, "Desk without sensor", null, null, null, true));
        for (int r = 1; r <= 3; r++) {
            resources.add(new Resource("room-" + r, "office", ResourceType.ROOM, "Room " + r, 8, null, "cnt-room-" + r, true));
        }
        resources.add(new Resource("ecar-1", "office", ResourceType.ECAR, "E-car", null, 300, "veh-ecar-1", true));
        resources.add(new Resource("ebike-1", "office", ResourceType.EBIKE, "E-bike", null, 70, "veh-ebike-1", true));
        return new Estate(List.of(office), resources);
    }

    private static Booking booking(long id, String resource, ResourceType type, Instant start, Instant end, Integer attendees) {
        return new Booking(id, resource, type, "office", start, end, attendees, Booking.Status.CONFIRMED);
    }

    private static Instant at(LocalDate date, int hour, int minute) {
        return date.atTime(hour, minute).atZone(AMSTERDAM).toInstant();
    }

    private static Instant roundTo5(Instant instant) {
        var local = instant.atZone(AMSTERDAM);
        return local.withMinute(local.getMinute() / 5 * 5).withSecond(0).withNano(0).toInstant();
    }

    private int occupiedDesks(int from, int to) {
        int occupied = 0;
        for (int d = from; d <= to; d++) {
            SensorState state = day.reported("pir-desk-" + d).orElseThrow();
            if (state instanceof SensorState.Presence p && p.occupied()
                    || state instanceof SensorState.Heartbeat h && h.occupied()) {
                occupied++;
            }
        }
        return occupied;
    }

    private int occupiedAt(Instant at) {
        return occupiedByMinute.get(at);
    }

    private int occupied(LocalDate date, int hour, int minute) {
        return occupiedAt(at(date, hour, minute));
    }

    /** Occupied desks among the booked ones, from the five-minute snapshots. */
    private int booked(LocalDate date, int hour, int minute) {
        Map<String, SensorState> states = snapshots.get(at(date, hour, minute));
        int occupied = 0;
        for (int d = 1; d <= BOOKED; d++) {
            SensorState s = states.get("pir-desk-" + d);
            if (s instanceof SensorState.Presence p && p.occupied() || s instanceof SensorState.Heartbeat h && h.occupied()) {
                occupied++;
            }
        }
        return occupied;
    }

    private long deskMinutes(LocalDate date) {
        long total = 0;
        for (int m = 0; m < 24 * 60; m++) {
            total += occupiedAt(at(date, 0, 0).plus(Duration.ofMinutes(m)));
        }
        return total;
    }

    private int count(String room, Instant at) {
        return ((SensorState.PeopleCount) snapshots.get(at).get("cnt-" + room)).count();
    }

    private SensorState.Vehicle vehicle(String id, Instant at) {
        return (SensorState.Vehicle) snapshots.get(at).get("veh-" + id);
    }
}
