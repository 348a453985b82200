package nl.flexplek.server.calendar;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import nl.flexplek.server.booking.BookingStatus;
import nl.flexplek.server.booking.DayPart;
import nl.flexplek.server.estate.ResourceType;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for calendar feeds, the bookings they list, and the generated feed key. */
interface CalendarFeedDao {

    /** One booking as a feed shows it. */
    record FeedBooking(long id, String resourceId, ResourceType resourceType, Instant startsAt, Instant endsAt,
                       DayPart dayPart, BookingStatus status) {
    }

    @SqlQuery("SELECT nonce FROM calendar_feed WHERE account_id = :accountId")
    Optional<String> nonce(long accountId);

    @SqlUpdate("""
            INSERT INTO calendar_feed (account_id, nonce, secret_hash, created_at)
            VALUES (:accountId, :nonce, :secretHash, :now)
            ON CONFLICT (account_id) DO NOTHING""")
    int create(long accountId, String nonce, String secretHash, Instant now);

    @SqlUpdate("DELETE FROM calendar_feed WHERE account_id = :accountId")
    int revoke(long accountId);

    /** The active account whose feed secret has this hash. */
    @SqlQuery("""
            SELECT a.id FROM calendar_feed f JOIN account a ON a.id = f.account_id
            WHERE f.secret_hash = :secretHash AND a.active = 1""")
    Optional<Long> owner(String secretHash);

    /** The person's bookings that end after {@code from}, except cancelled ones, in time order. */
    @SqlQuery("""
            SELECT id, resource_id, resource_type, starts_at, ends_at, day_part, status
            FROM booking
            WHERE account_id = :accountId AND status <> 'cancelled' AND ends_at > :from
            ORDER BY starts_at, id
            LIMIT :limit""")
    @RegisterConstructorMapper(FeedBooking.class)
    List<FeedBooking> bookings(long accountId, Instant from, int limit);

    @SqlQuery("SELECT value FROM app_state WHERE key = :key")
    Optional<String> state(String key);

    @SqlUpdate("INSERT INTO app_state (key, value) VALUES (:key, :value) ON CONFLICT (key) DO NOTHING")
    int rememberState(String key, String value);
}
