package nl.flexplek.server.insights;

import java.time.LocalDate;
import java.util.List;

import nl.flexplek.server.estate.ResourceType;

/** How the pool e-bikes and e-cars (of one site, or of all without {@code siteId}) were used over a period. */
public record VehicleUsage(String siteId, LocalDate from, LocalDate to, List<VehicleFigures> vehicles) {

    /** One vehicle. */
    public record VehicleFigures(String resourceId, String name, ResourceType type, String siteId, int bookings,
                                 int trips, int noShows, int cancelled, double hoursBooked, Double bookedPercent,
                                 Double inUsePercent) {
    }
}
