package nl.flexplek.server.insights;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import nl.flexplek.server.common.Database;
import nl.flexplek.server.estate.EstateService;
import nl.flexplek.server.estate.Resource;
import nl.flexplek.server.estate.ResourceType;
import nl.flexplek.server.estate.Site;

/**
 * The public open-data figures: per site and day (or opening hour), how many desk and room bookings there were, how
 * many were checked in or were no-shows, and the average occupancy. Nothing about a person or a single resource ever
 * leaves here, and every figure of a group smaller than the configured minimum is withheld.
 */
public final class OpenDataService {
    static final int MAX_DAYS = 366;
    static final int MAX_DAYS_BY_HOUR = 31;

    private final Clock clock;
    private final EstateService estate;
    private final UsageHistory history;
    private final int minGroup;

    public OpenDataService(Database db, Clock clock, EstateService estate, InsightsSettings settings) {
        this.clock = clock;
        this.estate = estate;
        this.history = new UsageHistory(db, clock);
        this.minGroup = settings.openDataMinGroup();
    }

    /**
     * One row of open data. With {@code suppressed} the four figures are null: the group they would be computed from
     * (the bookings of the day or hour) is smaller than the minimum.
     */
    public record Row(String siteId, String siteName, LocalDate date, LocalTime hour, Integer bookings,
                      Integer checkedIn, Integer noShows, Double averageOccupancyPercent, boolean suppressed) {
    }

    /**
     * Rows for the open days of the period, per site in id order; only complete days (before today in the site's
     * time zone), so a figure never changes once published.
     */
    public List<Row> occupancy(LocalDate from, LocalDate to, Granularity granularity) {
        Period asked = Period.of(from, to, granularity == Granularity.HOUR ? MAX_DAYS_BY_HOUR : MAX_DAYS);
        List<Row> rows = new ArrayList<>();
        for (Site site : estate.estate().sites().values().stream().sorted(Comparator.comparing(Site::id)).toList()) {
            LocalDate lastComplete = clock.instant().atZone(site.zone()).toLocalDate().minusDays(1);
            if (asked.from().isAfter(lastComplete)) {
                continue;
            }
            Period period = new Period(asked.from(), asked.to().isAfter(lastComplete) ? lastComplete : asked.to());
            List<Resource> workplaces = estate.estate().resourcesAt(site.id(), null).stream()
                    .filter(r -> r.type() == ResourceType.DESK || r.type() == ResourceType.ROOM).toList();
            UsageLedger ledger = history.ledger(site, period, workplaces, null);
            if (granularity == Granularity.HOUR) {
                for (UsageLedger.SlotTotals t : ledger.slots()) {
                    rows.add(row(site, t.slot().date(), t.slot().localStart().withMinute(0), t.bookings(),
                            t.checkedIn(), t.noShows(), t.occupiedPercent()));
                }
            } else {
                for (int d = 0; d < period.days(); d++) {
                    if (ledger.open(d)) {
                        UsageLedger.Totals t = ledger.totals(d, d + 1, r -> true);
                        rows.add(row(site, period.day(d), null, t.bookings(), t.checkedIn(), t.noShows(),
                                t.occupiedPercent()));
                    }
                }
            }
        }
        return rows;
    }

    private Row row(Site site, LocalDate date, LocalTime hour, int bookings, int checkedIn, int noShows,
                    Double occupancy) {
        if (bookings < minGroup) {
            return new Row(site.id(), site.name(), date, hour, null, null, null, null, true);
        }
        return new Row(site.id(), site.name(), date, hour, bookings, checkedIn, noShows, occupancy, false);
    }
}
