package nl.flexplek.server.insights;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import nl.flexplek.server.estate.ResourceType;
import nl.flexplek.server.occupancy.ResourceState;

/** A site right now, for the facility managers' dashboard: desks and rooms per floor, today's outcomes, vehicles, sensors. */
public record Today(String siteId, LocalDate date, Instant at, FloorNow totals, List<FloorNow> floors, int bookings,
                    int checkedIn, int noShows, List<VehicleNow> vehicles, SensorHealth sensors) {

    /** One floor's desks and rooms now; the site's totals have no floor id, name or level. */
    public record FloorNow(String floorId, String name, Integer level, int desks, int booked, int occupied,
                           int walkIns, int free, int offline, int rooms, int roomsInUse) {
    }

    /** A pool vehicle now. */
    public record VehicleNow(String resourceId, String name, ResourceType type, ResourceState state, Integer soc,
                             Boolean plugged) {
    }

    /** The site's sensors by status; {@code unassigned} counts sensors heard of that no resource names, at any site. */
    public record SensorHealth(int total, int ok, int lowBattery, int offline, int unassigned) {
    }
}
