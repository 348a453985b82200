package nl.flexplek.server.insights;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import nl.flexplek.server.common.Database;
import nl.flexplek.server.estate.Resource;
import nl.flexplek.server.estate.ResourceType;
import nl.flexplek.server.estate.Site;
import nl.flexplek.server.occupancy.ResourceState;

/** Reads a site's bookings and recorded live states for a period into a {@link UsageLedger}. */
final class UsageHistory {
    private final Database db;
    private final Clock clock;

    UsageHistory(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    private record Loaded(List<InsightsDao.BookingRow> bookings, List<InsightsDao.ChangeRow> changes,
                          List<InsightsDao.ChangeRow> before) {
    }

    /** The ledger of these resources of the site; {@code type} narrows what is read (null: all types). */
    UsageLedger ledger(Site site, Period period, List<Resource> resources, ResourceType type) {
        Instant now = clock.instant();
        Instant from = period.start(site.zone());
        Instant to = period.end(site.zone());
        Loaded data = db.read(InsightsDao.class, dao -> new Loaded(
                dao.bookings(site.id(), type, from, to, from.minus(InsightsDao.LONGEST_BOOKING)),
                dao.changes(site.id(), from, to),
                dao.statesBefore(site.id(), from)));
        UsageLedger ledger = new UsageLedger(site, period, resources, now);
        data.bookings().forEach(ledger::add);
        Map<String, ResourceState> before = new HashMap<>();
        data.before().forEach(c -> before.put(c.resourceId(), c.state()));
        ledger.addStates(before, data.changes());
        return ledger.finish();
    }
}
