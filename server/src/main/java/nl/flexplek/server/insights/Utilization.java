package nl.flexplek.server.insights;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import nl.flexplek.server.estate.ResourceType;

/**
 * How a site's resources of one type (optionally in one zone) were used over a period of local days: totals, a
 * weekday-by-hour heatmap, a series per day, the peak days and a summary per zone.
 */
public record Utilization(String siteId, ResourceType type, String zoneId, LocalDate from, LocalDate to,
                          ZoneId timeZone, int resources, Summary summary, Heatmap heatmap, List<DayFigures> days,
                          List<DayFigures> peakDays, List<ZoneFigures> zones) {

    /** The whole period. */
    public record Summary(int openDays, double resourceHours, Double bookedPercent, Double occupiedPercent,
                          int bookings, int checkedIn, int noShows, int cancelled, int walkIns, Double noShowPercent,
                          Double walkInPercent) {
    }

    /** Seven rows, Monday first; each has one value per entry of {@code hours}, null where the site was not open. */
    public record Heatmap(List<Integer> hours, List<HeatmapRow> rows) {
    }

    /** One weekday of the heatmap; {@code days} is how many open days of that weekday the period held. */
    public record HeatmapRow(String weekday, int days, List<Double> bookedPercent, List<Double> occupiedPercent) {
    }

    /** One local day. */
    public record DayFigures(LocalDate date, String weekday, boolean open, double resourceHours, Double bookedPercent,
                             Double occupiedPercent, int bookings, int checkedIn, int noShows, int cancelled,
                             int walkIns) {
    }

    /** One zone (or, without {@code zoneId}, the resources that are in no zone). */
    public record ZoneFigures(String zoneId, String name, String floorId, int resources, Double bookedPercent,
                              Double occupiedPercent, int bookings, int checkedIn, int noShows, int walkIns,
                              Double noShowPercent) {
    }
}
