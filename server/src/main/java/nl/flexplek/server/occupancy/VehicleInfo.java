package nl.flexplek.server.occupancy;

import java.time.Instant;

/** The last known state of a vehicle, as its tracker reported it. */
record VehicleInfo(Boolean present, Boolean plugged, Integer soc, Double odometerKm, Instant at) {

    VehicleInfo merge(Reading r) {
        return new VehicleInfo(r.present() != null ? r.present() : present, r.plugged() != null ? r.plugged() : plugged,
                r.soc() != null ? r.soc() : soc, r.odometerKm() != null ? r.odometerKm() : odometerKm, r.ts());
    }
}
