package nl.flexplek.server.occupancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import nl.flexplek.server.booking.Booking;
import nl.flexplek.server.booking.BookingStatus;
import nl.flexplek.server.booking.CheckInMethod;
import nl.flexplek.server.booking.VehicleCharge;
import nl.flexplek.server.estate.Resource;
import nl.flexplek.server.estate.ResourceType;
import org.junit.jupiter.api.Test;

/** The live-state rules on their own: no server, no thread, no database; time is a value passed in. */
class OccupancyRulesTest {
    private static final Instant NINE = Instant.parse("2026-11-24T08:00:00Z");
    private static final Duration HOLD = Duration.ofMinutes(15);

    private final OccupancyRules rules = new OccupancyRules(new OccupancySettings(
            Map.of(ResourceType.DESK, HOLD, ResourceType.ROOM, Duration.ofMinutes(5),
                    ResourceType.EBIKE, Duration.ofMinutes(5), ResourceType.ECAR, Duration.ofMinutes(5)),
            Map.of(ResourceType.DESK, Duration.ofMinutes(5), ResourceType.ROOM, Duration.ofMinutes(2),
                    ResourceType.EBIKE, Duration.ofMinutes(2), ResourceType.ECAR, Duration.ofMinutes(2)),
            Map.of(SensorKind.PRESENCE, Duration.ofHours(1), SensorKind.COUNTER, Duration.ofHours(1),
                    SensorKind.VEHICLE, Duration.ofHours(2)),
            20, true, Duration.ofHours(2), Duration.ofSeconds(15),
            Map.of(ResourceType.EBIKE, 20, ResourceType.ECAR, 10)));

    private final Resource desk = resource("desk-1", ResourceType.DESK, "pir-desk-1", true);
    private final SensorRecord healthy = new SensorRecord("pir-desk-1", SensorKind.PRESENCE, NINE, NINE, 90);

    @Test
    void deskIsFree_whenNobodyIsThereAndNothingIsBooked() {
        assertEquals(ResourceState.FREE, rules.state(desk, Optional.empty(), null, null, SensorStatus.OK, NINE));
    }

    @Test
    void deskIsWalkIn_whenOccupiedWithoutBooking() {
        assertEquals(ResourceState.WALK_IN, rules.state(desk, Optional.empty(), presentSince(NINE), null, SensorStatus.OK,
                NINE.plusSeconds(60)));
    }

    @Test
    void deskIsFreeAgain_whenThePresenceHoldHasPassed() {
        Presence blip = new Presence();
        blip.report(true, NINE, HOLD);
        blip.report(false, NINE.plusSeconds(30), HOLD);
        assertEquals(ResourceState.WALK_IN, rules.state(desk, Optional.empty(), blip, null, SensorStatus.OK, NINE.plus(HOLD).minusSeconds(1)));
        assertEquals(ResourceState.FREE, rules.state(desk, Optional.empty(), blip, null, SensorStatus.OK, NINE.plus(HOLD)));
    }

    @Test
    void deskIsBooked_whenBookedAndNobodyIsThere() {
        assertEquals(ResourceState.BOOKED, rules.state(desk, Optional.of(booking(BookingStatus.CONFIRMED)), null, null,
                SensorStatus.OK, NINE));
    }

    @Test
    void deskIsInUse_whenBookedAndSomeoneIsThereOrTheBookerCheckedIn() {
        assertEquals(ResourceState.IN_USE, rules.state(desk, Optional.of(booking(BookingStatus.CONFIRMED)), presentSince(NINE),
                null, SensorStatus.OK, NINE.plusSeconds(60)));
        assertEquals(ResourceState.IN_USE, rules.state(desk, Optional.of(booking(BookingStatus.CHECKED_IN)), null, null,
                SensorStatus.OFFLINE, NINE));
    }

    @Test
    void deskIsOffline_whenItsSensorIsSilentAndNothingIsBooked() {
        assertEquals(ResourceState.OFFLINE, rules.state(desk, Optional.empty(), presentSince(NINE), null, SensorStatus.OFFLINE,
                NINE.plusSeconds(60)));
    }

    @Test
    void resourceIsOutOfService_whateverElseIsKnown() {
        Resource broken = resource("desk-2", ResourceType.DESK, "pir-desk-2", false);
        assertEquals(ResourceState.OUT_OF_SERVICE, rules.state(broken, Optional.of(booking(BookingStatus.CHECKED_IN)),
                presentSince(NINE), null, SensorStatus.OFFLINE, NINE));
    }

    @Test
    void vehicleIsAway_whenLastSeenLeavingEvenIfItsTrackerIsSilent() {
        Resource car = resource("ecar-1", ResourceType.ECAR, "veh-ecar-1", true);
        VehicleInfo gone = new VehicleInfo(false, false, 70, 1200.0, NINE);
        assertEquals(ResourceState.AWAY, rules.state(car, Optional.empty(), null, gone, SensorStatus.OFFLINE, NINE));
        assertEquals(ResourceState.IN_USE, rules.state(car, Optional.of(booking(BookingStatus.CONFIRMED)), null, gone,
                SensorStatus.OK, NINE));
    }

    @Test
    void sensorIsOffline_whenSilentLongerThanItsKindAllows() {
        assertEquals(SensorStatus.OK, rules.status(healthy, desk, NINE.plus(Duration.ofHours(1))));
        assertEquals(SensorStatus.OFFLINE, rules.status(healthy, desk, NINE.plus(Duration.ofHours(1)).plusSeconds(1)));
        assertEquals(SensorStatus.OFFLINE, rules.status(null, desk, NINE), "never heard");
    }

    @Test
    void sensorOfUnknownKind_isJudgedAsTheKindItsResourceNeeds() {
        Resource car = resource("ecar-1", ResourceType.ECAR, "veh-ecar-1", true);
        SensorRecord quiet = new SensorRecord("veh-ecar-1", null, NINE, NINE, null);
        assertEquals(SensorStatus.OK, rules.status(quiet, car, NINE.plus(Duration.ofMinutes(90))));
        assertEquals(SensorStatus.OFFLINE, rules.status(quiet, desk, NINE.plus(Duration.ofMinutes(90))));
    }

    @Test
    void sensorHasLowBattery_whenBelowTheConfiguredPercent() {
        assertEquals(SensorStatus.LOW_BATTERY, rules.status(new SensorRecord("pir-desk-1", SensorKind.PRESENCE, NINE, NINE, 19),
                desk, NINE));
        assertEquals(SensorStatus.OK, rules.status(new SensorRecord("pir-desk-1", SensorKind.PRESENCE, NINE, NINE, 20),
                desk, NINE));
    }

    @Test
    void presenceChecksIn_onlyWhenSustainedAndInsideTheCheckInWindow() {
        Presence there = presentSince(NINE);
        assertFalse(rules.presenceChecksIn(desk, there, NINE.plus(Duration.ofMinutes(4))));
        assertTrue(rules.presenceChecksIn(desk, there, NINE.plus(Duration.ofMinutes(5))));
        Booking confirmed = booking(BookingStatus.CONFIRMED);
        Duration opens = Duration.ofMinutes(15);
        assertFalse(OccupancyRules.awaitsCheckIn(confirmed, opens, confirmed.startsAt().minus(opens).minusSeconds(1)));
        assertTrue(OccupancyRules.awaitsCheckIn(confirmed, opens, confirmed.startsAt().minus(opens)));
        assertFalse(OccupancyRules.awaitsCheckIn(confirmed, opens, confirmed.endsAt()));
        assertFalse(OccupancyRules.awaitsCheckIn(booking(BookingStatus.CHECKED_IN), opens, confirmed.startsAt()));
    }

    @Test
    void checkedInDeskIsReleased_whenEmptyForTheConfiguredTimeAndItsSensorIsHeard() {
        Optional<Booking> checkedIn = Optional.of(booking(BookingStatus.CHECKED_IN));
        Instant later = NINE.plus(Duration.ofHours(2));
        assertFalse(rules.releasesLeftEmpty(desk, checkedIn, null, SensorStatus.OK, later.minusSeconds(1)));
        assertTrue(rules.releasesLeftEmpty(desk, checkedIn, null, SensorStatus.OK, later));
        assertFalse(rules.releasesLeftEmpty(desk, checkedIn, null, SensorStatus.OFFLINE, later), "a silent sensor proves nothing");
        assertFalse(rules.releasesLeftEmpty(desk, Optional.of(booking(BookingStatus.CONFIRMED)), null, SensorStatus.OK, later));
        Presence seenAtTen = new Presence();
        seenAtTen.report(true, NINE.plus(Duration.ofHours(1)), HOLD);
        seenAtTen.report(false, NINE.plus(Duration.ofHours(1)).plusSeconds(1), HOLD);
        assertFalse(rules.releasesLeftEmpty(desk, checkedIn, seenAtTen, SensorStatus.OK, later), "counted from the last presence");
    }

    @Test
    void pluggedInVehicleGainsItsHourlyPercent_upToFull() {
        LiveState bike = new LiveState("ebike-1", "town-hall", ResourceType.EBIKE, ResourceState.FREE, NINE, true, 50, null);
        assertEquals(new VehicleCharge.Charge(50, true, 90), rules.charge(bike, NINE, NINE.plus(Duration.ofHours(2))));
        assertEquals(new VehicleCharge.Charge(50, true, 100), rules.charge(bike, NINE, NINE.plus(Duration.ofHours(5))));
        LiveState unplugged = new LiveState("ebike-1", "town-hall", ResourceType.EBIKE, ResourceState.FREE, NINE, false, 50, null);
        assertEquals(new VehicleCharge.Charge(50, false, 50), rules.charge(unplugged, NINE, NINE.plus(Duration.ofHours(2))));
        assertEquals(new VehicleCharge.Charge(null, null, null), rules.charge(null, NINE, NINE));
    }

    private static Presence presentSince(Instant at) {
        Presence presence = new Presence();
        presence.report(true, at, HOLD);
        return presence;
    }

    private static Booking booking(BookingStatus status) {
        Instant start = NINE;
        return new Booking(1, "desk-1", ResourceType.DESK, 7, "alice", "Alice", start, start.plus(Duration.ofHours(10)),
                start.plus(Duration.ofHours(10)), null, null, null, status, start.minus(Duration.ofDays(1)),
                status == BookingStatus.CHECKED_IN ? start : null, status == BookingStatus.CHECKED_IN ? CheckInMethod.APP : null,
                null, null, null);
    }

    private static Resource resource(String id, ResourceType type, String sensorId, boolean inService) {
        return new Resource(id, "town-hall", null, null, type, id, List.of(), null, null, null, sensorId, inService);
    }
}
