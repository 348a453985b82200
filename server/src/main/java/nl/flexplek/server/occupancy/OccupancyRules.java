package nl.flexplek.server.occupancy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import nl.flexplek.server.booking.Booking;
import nl.flexplek.server.booking.BookingStatus;
import nl.flexplek.server.booking.VehicleCharge;
import nl.flexplek.server.estate.Resource;
import nl.flexplek.server.estate.ResourceType;

/**
 * The live-state rules that need no thread and no database: what a resource is doing from its bookings, presence,
 * vehicle report and sensor health; when a sensor counts as offline or low on battery; when presence checks a
 * booking in and when an empty desk is released early; the charge a vehicle is expected to have. Everything it
 * decides from comes in as arguments, so a test can call it with a handful of values.
 */
final class OccupancyRules {
    private final OccupancySettings settings;

    OccupancyRules(OccupancySettings settings) {
        this.settings = settings;
    }

    /**
     * The state of a resource now. Out of service wins; then a booking holding it now ({@code in-use} when the
     * booker checked in, is there, or drove off with the vehicle); then a vehicle away on a trip, which is not
     * offline; then a silent sensor; then presence without a booking ({@code walk-in}).
     *
     * @param current      the booking that holds the resource now, if any
     * @param vehicle      the vehicle's last report, or null
     * @param sensorStatus the sensor's health, or null when the resource has no sensor
     */
    ResourceState state(Resource resource, Optional<Booking> current, Presence presence, VehicleInfo vehicle,
                        SensorStatus sensorStatus, Instant now) {
        boolean occupied = occupied(resource, presence, now);
        boolean driven = vehicle != null && Boolean.FALSE.equals(vehicle.present());
        if (!resource.inService()) {
            return ResourceState.OUT_OF_SERVICE;
        }
        if (current.isPresent()) {
            boolean there = current.get().status() == BookingStatus.CHECKED_IN || occupied || driven;
            return there ? ResourceState.IN_USE : ResourceState.BOOKED;
        }
        if (driven) {
            // Out of coverage on a trip is normal: a vehicle last seen leaving stays away, not offline.
            return ResourceState.AWAY;
        }
        if (sensorStatus == SensorStatus.OFFLINE) {
            return ResourceState.OFFLINE;
        }
        return occupied ? ResourceState.WALK_IN : ResourceState.FREE;
    }

    /** The booking among these that holds the resource now. */
    static Optional<Booking> current(List<Booking> bookings, Instant now) {
        return bookings.stream().filter(b -> b.holdsResourceAt(now)).findFirst();
    }

    /** Someone is there: presence was reported within the resource type's hold time. */
    boolean occupied(Resource resource, Presence presence, Instant now) {
        return presence != null && presence.occupied(now, settings.hold(resource.type()));
    }

    /**
     * A sensor's health now: offline when never heard or silent longer than its kind allows (a sensor that never
     * said its kind is judged as the kind its resource needs), else low on battery below the configured percent.
     */
    SensorStatus status(SensorRecord sensor, Resource resource, Instant now) {
        if (sensor == null || sensor.lastSeen == null) {
            return SensorStatus.OFFLINE;
        }
        SensorKind kind = sensor.kind != null ? sensor.kind : expectedKind(resource);
        if (now.isAfter(sensor.lastSeen.plus(settings.offlineAfter().get(kind)))) {
            return SensorStatus.OFFLINE;
        }
        return sensor.battery != null && sensor.battery < settings.lowBatteryPercent() ? SensorStatus.LOW_BATTERY : SensorStatus.OK;
    }

    /** The kind of sensor a resource needs: presence for a desk, a counter for a room, a tracker for a vehicle. */
    static SensorKind expectedKind(Resource resource) {
        if (resource == null) {
            return SensorKind.PRESENCE;
        }
        return switch (resource.type()) {
            case DESK -> SensorKind.PRESENCE;
            case ROOM -> SensorKind.COUNTER;
            case EBIKE, ECAR -> SensorKind.VEHICLE;
        };
    }

    /** Presence has lasted long enough at this resource to check a booking in; one blip never does. */
    boolean presenceChecksIn(Resource resource, Presence presence, Instant now) {
        return presence != null && presence.sustained(now, settings.hold(resource.type()), settings.checkInAfter(resource.type()));
    }

    /** A confirmed booking whose check-in window is open: from {@code opens} before its start until its end. */
    static boolean awaitsCheckIn(Booking booking, Duration opens, Instant now) {
        return booking.status() == BookingStatus.CONFIRMED
                && !now.isBefore(booking.startsAt().minus(opens)) && now.isBefore(booking.endsAt());
    }

    /**
     * A checked-in desk that has stayed empty since the check-in or the last presence, for the configured time, is
     * released early (when that is switched on). A silent sensor proves nothing, so an offline one never releases.
     */
    boolean releasesLeftEmpty(Resource resource, Optional<Booking> current, Presence presence, SensorStatus sensorStatus,
                              Instant now) {
        if (!settings.earlyRelease() || resource.type() != ResourceType.DESK || resource.sensorId() == null) {
            return false;
        }
        if (sensorStatus == SensorStatus.OFFLINE || occupied(resource, presence, now)) {
            return false;
        }
        if (current.isEmpty() || current.get().status() != BookingStatus.CHECKED_IN) {
            return false;
        }
        Instant lastSign = current.get().checkedInAt();
        if (presence != null && presence.lastOccupied() != null && presence.lastOccupied().isAfter(lastSign)) {
            lastSign = presence.lastOccupied();
        }
        return !now.isBefore(lastSign.plus(settings.earlyReleaseAfter()));
    }

    /**
     * A vehicle's charge now and as expected at {@code at}: plugged in, it gains its type's configured percent per
     * hour from now on, up to 100; not plugged in, it keeps what it has. Unknown (null) without a reported charge.
     */
    VehicleCharge.Charge charge(LiveState state, Instant now, Instant at) {
        if (state == null || state.soc() == null) {
            return new VehicleCharge.Charge(null, state == null ? null : state.plugged(), null);
        }
        int soc = state.soc();
        int expected = soc;
        if (Boolean.TRUE.equals(state.plugged()) && at.isAfter(now)) {
            double hours = Duration.between(now, at).toSeconds() / 3600.0;
            expected = (int) Math.min(100, Math.floor(soc + settings.chargePercentPerHour(state.type()) * hours));
        }
        return new VehicleCharge.Charge(soc, state.plugged(), expected);
    }
}
