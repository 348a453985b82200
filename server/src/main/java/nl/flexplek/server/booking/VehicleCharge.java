package nl.flexplek.server.booking;

import java.time.Instant;

/**
 * What a vehicle's charge is now and is expected to be at a trip's start. Availability asks it; the live occupancy
 * (which knows the trackers) answers it, wired in at start-up so booking does not depend on occupancy.
 */
@FunctionalInterface
public interface VehicleCharge {
    /** The charge of the vehicle now and as expected at {@code at}; unknown parts are null. */
    Charge at(String resourceId, Instant at);

    /** State of charge in percent now, whether it is plugged in, and the percent expected at the trip's start. */
    record Charge(Integer soc, Boolean plugged, Integer expectedSoc) {
        public static final Charge NONE = new Charge(null, null, null);
    }
}
