package nl.flexplek.server.insights;

import java.time.Clock;
import java.time.Instant;
import java.util.logging.Logger;

import nl.flexplek.server.common.Database;

/**
 * Retention of personal booking data: a booking that ended longer ago than the retention period is handed to the
 * anonymous account (id 0, made by migration V3) and its idempotency key is forgotten, so nothing links it to a
 * person any more. Resource, times and outcome stay, so every aggregated figure is the same before and after.
 * Run daily by the application's maintenance scheduler.
 */
public final class RetentionService {
    /** The account anonymised bookings belong to. */
    public static final long ANONYMOUS_ACCOUNT_ID = 0;
    private static final Logger LOG = Logger.getLogger(RetentionService.class.getName());
    // Batches keep each write transaction short, so bookings are not held up behind a large first run.
    private static final int BATCH = 5_000;

    private final Database db;
    private final Clock clock;
    private final InsightsSettings settings;

    public RetentionService(Database db, Clock clock, InsightsSettings settings) {
        this.db = db;
        this.clock = clock;
        this.settings = settings;
    }

    /** Anonymises every booking that ended before now minus the retention period; returns how many it changed. */
    public int anonymiseOldBookings() {
        Instant cutoff = clock.instant().minus(settings.retention());
        int total = 0;
        int batch;
        do {
            batch = db.write(InsightsDao.class, dao -> {
                dao.forgetKeysOfIdentifiedBookings(cutoff, BATCH);
                return dao.anonymise(cutoff, BATCH);
            });
            total += batch;
        } while (batch == BATCH);
        int anonymised = total;
        if (anonymised > 0) {
            LOG.info(() -> "Retention: " + anonymised + " booking(s) that ended before " + cutoff
                    + " no longer name a person");
        } else {
            LOG.fine(() -> "Retention: no bookings that ended before " + cutoff + " still name a person");
        }
        return anonymised;
    }
}
