package nl.flexplek.server.insights;

import java.time.Instant;
import java.util.List;

import nl.flexplek.server.booking.BookingStatus;
import nl.flexplek.server.estate.ResourceType;
import nl.flexplek.server.occupancy.ResourceState;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for the figures (bookings and recorded live states of a site) and for the retention of personal data. */
interface InsightsDao {
    /**
     * How far before a period a booking may start and still reach into it. Policies allow at most 14 days
     * (20160 minutes) per booking; the bound keeps the query on the recent part of the start index.
     */
    java.time.Duration LONGEST_BOOKING = java.time.Duration.ofDays(15);

    /** What the figures need of a booking: no account, no name. */
    record BookingRow(String resourceId, Instant startsAt, Instant endsAt, BookingStatus status, Instant checkedInAt,
                      Instant releasedAt) {
    }

    record ChangeRow(String resourceId, ResourceState state, Instant at) {
    }

    /** Bookings of a site's resources (of one type, or all with null) that overlap [from, to). */
    @SqlQuery("""
            SELECT b.resource_id, b.starts_at, b.ends_at, b.status, b.checked_in_at, b.released_at
            FROM booking b JOIN resource r ON r.id = b.resource_id
            WHERE r.site_id = :siteId AND (:type IS NULL OR b.resource_type = :type)
              AND b.starts_at >= :earliestStart AND b.starts_at < :to AND b.ends_at > :from
            ORDER BY b.resource_id, b.starts_at""")
    @RegisterConstructorMapper(BookingRow.class)
    List<BookingRow> bookings(String siteId, ResourceType type, Instant from, Instant to, Instant earliestStart);

    /** The live-state changes of a site's resources in [from, to), per resource in time order. */
    @SqlQuery("""
            SELECT resource_id, state, at FROM occupancy_change
            WHERE site_id = :siteId AND at >= :from AND at < :to
            ORDER BY resource_id, at, id""")
    @RegisterConstructorMapper(ChangeRow.class)
    List<ChangeRow> changes(String siteId, Instant from, Instant to);

    /** Each resource's last recorded state before an instant: what it was doing when a period began. */
    @SqlQuery("""
            SELECT c.resource_id, c.state, c.at FROM (
                SELECT (SELECT p.id FROM occupancy_change p WHERE p.resource_id = r.id AND p.at < :before
                        ORDER BY p.at DESC, p.id DESC LIMIT 1) AS change_id
                FROM resource r WHERE r.site_id = :siteId) last
            JOIN occupancy_change c ON c.id = last.change_id""")
    @RegisterConstructorMapper(ChangeRow.class)
    List<ChangeRow> statesBefore(String siteId, Instant before);

    /** Counts of a site's bookings that start in [from, to), by what became of them. */
    record DayCounts(int bookings, int checkedIn, int noShows) {
    }

    @SqlQuery("""
            SELECT count(*) FILTER (WHERE b.status <> 'cancelled') AS bookings,
                   count(*) FILTER (WHERE b.checked_in_at IS NOT NULL) AS checked_in,
                   count(*) FILTER (WHERE b.status = 'no-show') AS no_shows
            FROM booking b JOIN resource r ON r.id = b.resource_id
            WHERE r.site_id = :siteId AND b.starts_at >= :from AND b.starts_at < :to""")
    @RegisterConstructorMapper(DayCounts.class)
    DayCounts counts(String siteId, Instant from, Instant to);

    // ---- retention

    // The batch is taken in ends_at order so that the partial index booking_identified_end finds it; in id order
    // SQLite would walk the whole table on every daily run.

    /** Idempotency keys of the next batch of bookings to anonymise; they too link a booking to its booker. */
    @SqlUpdate("""
            DELETE FROM idempotency_key WHERE booking_id IN (
                SELECT id FROM booking WHERE account_id <> 0 AND ends_at < :cutoff ORDER BY ends_at, id LIMIT :limit)""")
    int forgetKeysOfIdentifiedBookings(Instant cutoff, int limit);

    /** Hands the next batch of old bookings to the anonymous account; times, resource and outcome stay. */
    @SqlUpdate("""
            UPDATE booking SET account_id = 0 WHERE id IN (
                SELECT id FROM booking WHERE account_id <> 0 AND ends_at < :cutoff ORDER BY ends_at, id LIMIT :limit)""")
    int anonymise(Instant cutoff, int limit);
}
