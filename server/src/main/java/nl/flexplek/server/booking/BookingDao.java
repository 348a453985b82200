package nl.flexplek.server.booking;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import nl.flexplek.server.estate.ResourceType;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for bookings, policies and idempotency keys. */
@RegisterConstructorMapper(Booking.class)
interface BookingDao {
    String COLUMNS = """
            b.id, b.resource_id, b.resource_type, b.account_id, a.username, a.display_name, b.starts_at, b.ends_at,
            b.blocked_until, b.local_date, b.day_part, b.attendees, b.status, b.created_at, b.checked_in_at,
            b.check_in_method, b.cancelled_at, b.released_at, b.release_reason
            """;

    @SqlUpdate("""
            INSERT INTO booking (resource_id, resource_type, account_id, starts_at, ends_at, blocked_until, local_date,
                                 day_part, attendees, status, created_at)
            VALUES (:resourceId, :type, :accountId, :startsAt, :endsAt, :blockedUntil, :localDate, :dayPart,
                    :attendees, 'confirmed', :now)""")
    @GetGeneratedKeys("id")
    long insert(String resourceId, ResourceType type, long accountId, Instant startsAt, Instant endsAt,
                Instant blockedUntil, LocalDate localDate, DayPart dayPart, Integer attendees, Instant now);

    @SqlQuery("SELECT " + COLUMNS + " FROM booking b JOIN account a ON a.id = b.account_id WHERE b.id = :id")
    Optional<Booking> byId(long id);

    /** Bookings matching the filters; a null filter matches everything. */
    @SqlQuery("SELECT " + COLUMNS + """
            FROM booking b JOIN account a ON a.id = b.account_id JOIN resource r ON r.id = b.resource_id
            WHERE (:accountId IS NULL OR b.account_id = :accountId)
              AND (:username IS NULL OR a.username = :username)
              AND (:siteId IS NULL OR r.site_id = :siteId)
              AND (:resourceId IS NULL OR b.resource_id = :resourceId)
              AND (:type IS NULL OR b.resource_type = :type)
              AND (:status IS NULL OR b.status = :status)
              AND b.ends_at > :from AND b.starts_at < :to
            ORDER BY b.starts_at, b.id
            LIMIT :limit""")
    List<Booking> list(Long accountId, String username, String siteId, String resourceId, ResourceType type,
                       BookingStatus status, Instant from, Instant to, int limit);

    /** The active booking that holds a resource somewhere in [start, end), for telling a conflict. */
    @SqlQuery("SELECT " + COLUMNS + """
            FROM booking b JOIN account a ON a.id = b.account_id
            WHERE b.resource_id = :resourceId AND b.status IN ('confirmed', 'checked-in')
              AND b.blocked_until > :start AND b.starts_at < :end
            ORDER BY b.starts_at LIMIT 1""")
    Optional<Booking> holding(String resourceId, Instant start, Instant end);

    /** The person's active desk booking overlapping [start, end), for telling a one-desk-per-person refusal. */
    @SqlQuery("SELECT " + COLUMNS + """
            FROM booking b JOIN account a ON a.id = b.account_id
            WHERE b.account_id = :accountId AND b.resource_type = 'desk' AND b.status IN ('confirmed', 'checked-in')
              AND b.ends_at > :start AND b.starts_at < :end
            ORDER BY b.starts_at LIMIT 1""")
    Optional<Booking> personsDesk(long accountId, Instant start, Instant end);

    @SqlQuery("""
            SELECT count(*) FROM booking
            WHERE account_id = :accountId AND resource_type = :type AND status IN ('confirmed', 'checked-in')
              AND ends_at > :now""")
    int countUpcoming(long accountId, ResourceType type, Instant now);

    /** Ids of the site's resources of a type that are held by an active booking somewhere in [start, end). */
    @SqlQuery("""
            SELECT DISTINCT b.resource_id FROM resource r
            JOIN booking b ON b.resource_id = r.id
            WHERE r.site_id = :siteId AND r.type = :type AND b.status IN ('confirmed', 'checked-in')
              AND b.blocked_until > :start AND b.starts_at < :end""")
    List<String> heldResources(String siteId, ResourceType type, Instant start, Instant end);

    /** Active bookings of all resources, or of one, that overlap [from, to): what live occupancy needs to know. */
    @SqlQuery("SELECT " + COLUMNS + """
            FROM booking b JOIN account a ON a.id = b.account_id
            WHERE b.status IN ('confirmed', 'checked-in') AND b.ends_at > :from AND b.starts_at < :to
              AND (:resourceId IS NULL OR b.resource_id = :resourceId)
            ORDER BY b.starts_at""")
    List<Booking> active(String resourceId, Instant from, Instant to);

    /** Confirmed bookings of a type whose grace period (from the start, or from booking if made later) is over. */
    @SqlQuery("SELECT " + COLUMNS + """
            FROM booking b JOIN account a ON a.id = b.account_id
            WHERE b.status = 'confirmed' AND b.resource_type = :type AND b.starts_at > :notBefore
              AND max(b.starts_at, b.created_at) + :graceMillis <= :now""")
    List<Booking> overdue(ResourceType type, long graceMillis, Instant now, Instant notBefore);

    @SqlUpdate("""
            UPDATE booking SET status = 'no-show', released_at = :now, release_reason = 'no-show'
            WHERE id = :id AND status = 'confirmed'""")
    int releaseNoShow(long id, Instant now);

    /** A checked-in booking whose desk stayed empty: it ends now and says why. */
    @SqlUpdate("""
            UPDATE booking SET ends_at = :now, blocked_until = :now, released_at = :now, release_reason = 'left-empty'
            WHERE id = :id AND status = 'checked-in' AND starts_at < :now AND ends_at > :now""")
    int releaseLeftEmpty(long id, Instant now);

    @SqlUpdate("UPDATE booking SET status = 'cancelled', cancelled_at = :now WHERE id = :id")
    void cancel(long id, Instant now);

    /** Ends a checked-in booking early: the rest of its time is free again. */
    @SqlUpdate("UPDATE booking SET ends_at = :end, blocked_until = :blockedUntil WHERE id = :id")
    void endEarly(long id, Instant end, Instant blockedUntil);

    @SqlUpdate("""
            UPDATE booking SET status = 'checked-in', checked_in_at = :now, check_in_method = :method
            WHERE id = :id AND status = 'confirmed'""")
    int checkIn(long id, CheckInMethod method, Instant now);

    @SqlQuery("SELECT request_hash, booking_id FROM idempotency_key WHERE account_id = :accountId AND key = :key")
    @RegisterConstructorMapper(IdempotencyRecord.class)
    Optional<IdempotencyRecord> idempotencyKey(long accountId, String key);

    @SqlUpdate("""
            INSERT INTO idempotency_key (account_id, key, request_hash, booking_id, created_at)
            VALUES (:accountId, :key, :requestHash, :bookingId, :now)""")
    void rememberIdempotencyKey(long accountId, String key, String requestHash, long bookingId, Instant now);

    @SqlUpdate("DELETE FROM idempotency_key WHERE created_at < :cutoff")
    int forgetIdempotencyKeys(Instant cutoff);

    record IdempotencyRecord(String requestHash, long bookingId) {
    }

    @SqlQuery("""
            SELECT resource_type, max_days_ahead, max_duration_minutes, max_upcoming_per_person, turnaround_minutes,
                   check_in_opens_minutes, grace_minutes
            FROM booking_policy""")
    @RegisterConstructorMapper(BookingPolicy.class)
    List<BookingPolicy> policies();

    @SqlUpdate("""
            INSERT INTO booking_policy (resource_type, max_days_ahead, max_duration_minutes, max_upcoming_per_person,
                                        turnaround_minutes, check_in_opens_minutes, grace_minutes, updated_at)
            VALUES (:p.resourceType, :p.maxDaysAhead, :p.maxDurationMinutes, :p.maxUpcomingPerPerson,
                    :p.turnaroundMinutes, :p.checkInOpensMinutes, :p.graceMinutes, :now)
            ON CONFLICT (resource_type) DO UPDATE SET max_days_ahead = excluded.max_days_ahead,
                max_duration_minutes = excluded.max_duration_minutes,
                max_upcoming_per_person = excluded.max_upcoming_per_person,
                turnaround_minutes = excluded.turnaround_minutes,
                check_in_opens_minutes = excluded.check_in_opens_minutes,
                grace_minutes = excluded.grace_minutes, updated_at = excluded.updated_at""")
    void savePolicy(@org.jdbi.v3.sqlobject.customizer.BindMethods("p") BookingPolicy policy, Instant now);

    @SqlUpdate("""
            INSERT INTO booking_policy (resource_type, max_days_ahead, max_duration_minutes, max_upcoming_per_person,
                                        turnaround_minutes, check_in_opens_minutes, grace_minutes, updated_at)
            VALUES (:p.resourceType, :p.maxDaysAhead, :p.maxDurationMinutes, :p.maxUpcomingPerPerson,
                    :p.turnaroundMinutes, :p.checkInOpensMinutes, :p.graceMinutes, :now)
            ON CONFLICT (resource_type) DO NOTHING""")
    void seedPolicy(@org.jdbi.v3.sqlobject.customizer.BindMethods("p") BookingPolicy policy, Instant now);
}
