package nl.flexplek.server.staff;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import nl.flexplek.server.booking.DayPart;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for preferences, usual desks and teammates' desks. */
interface StaffDao {

    /** A desk and on how many days the person booked it; the latest start breaks a tie. */
    record DeskDays(String resourceId, int days, Instant lastStart) {
    }

    /** A teammate's desk booking on a local date. */
    record TeamDesk(String displayName, String resourceId, LocalDate localDate, DayPart dayPart) {
    }

    @SqlQuery("SELECT findable_by_team FROM staff_preferences WHERE account_id = :accountId")
    Optional<Boolean> findableByTeam(long accountId);

    @SqlUpdate("""
            INSERT INTO staff_preferences (account_id, findable_by_team, updated_at)
            VALUES (:accountId, :findableByTeam, :now)
            ON CONFLICT (account_id) DO UPDATE SET findable_by_team = excluded.findable_by_team,
                updated_at = excluded.updated_at""")
    void savePreferences(long accountId, boolean findableByTeam, Instant now);

    /**
     * Opts the demo employees (employee1, employee2, ...) in, except every {@code nth}, leaving earlier choices
     * alone; once per database.
     */
    @SqlUpdate("""
            INSERT INTO staff_preferences (account_id, findable_by_team, updated_at)
            SELECT id, 1, :now FROM account
            WHERE role = 'employee' AND username GLOB 'employee[0-9]*' AND id % :nth <> 0
              AND NOT EXISTS (SELECT 1 FROM app_state WHERE key = 'demo-preferences')
            ON CONFLICT (account_id) DO NOTHING""")
    int optInDemoEmployees(int nth, Instant now);

    @SqlUpdate("INSERT INTO app_state (key, value) VALUES ('demo-preferences', :value) ON CONFLICT (key) DO NOTHING")
    void rememberDemoPreferences(String value);

    /** The person's desks booked on at least {@code minDays} days starting in [from, to), most days first. */
    @SqlQuery("""
            SELECT resource_id, count(DISTINCT local_date) AS days, max(starts_at) AS last_start
            FROM booking
            WHERE account_id = :accountId AND resource_type = 'desk' AND status <> 'cancelled'
              AND starts_at >= :from AND starts_at < :to
            GROUP BY resource_id
            HAVING count(DISTINCT local_date) >= :minDays
            ORDER BY days DESC, last_start DESC
            LIMIT 5""")
    @RegisterConstructorMapper(DeskDays.class)
    List<DeskDays> mostBookedDesks(long accountId, Instant from, Instant to, int minDays);

    /**
     * Desk bookings that hold their desk, on local dates in [firstDate, lastDate], of the other active people in the
     * department who opted in to being findable.
     */
    @SqlQuery("""
            SELECT a.display_name, b.resource_id, b.local_date, b.day_part
            FROM account a
            JOIN staff_preferences p ON p.account_id = a.id AND p.findable_by_team = 1
            JOIN booking b ON b.account_id = a.id
            WHERE a.department = :department AND a.id <> :accountId AND a.active = 1
              AND b.resource_type = 'desk' AND b.status IN ('confirmed', 'checked-in') AND b.released_at IS NULL
              AND b.local_date BETWEEN :firstDate AND :lastDate
            ORDER BY a.display_name, b.starts_at""")
    @RegisterConstructorMapper(TeamDesk.class)
    List<TeamDesk> teamDesks(String department, long accountId, LocalDate firstDate, LocalDate lastDate);
}
