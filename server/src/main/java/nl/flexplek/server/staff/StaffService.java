package nl.flexplek.server.staff;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

import nl.flexplek.server.common.Database;
import nl.flexplek.server.estate.Estate;
import nl.flexplek.server.estate.EstateService;
import nl.flexplek.server.estate.Resource;
import nl.flexplek.server.estate.ResourceType;
import nl.flexplek.server.estate.Site;
import nl.flexplek.server.identity.Account;

/**
 * A person's own profile and preferences, and their teammates' desks today. Privacy first: being findable is opt-in,
 * a teammate is someone in the same department, and only today's desk is told, never times or other days.
 */
public final class StaffService {
    private static final Logger LOG = Logger.getLogger(StaffService.class.getName());
    /** How far back the usual desk looks, and on how many days at least it must have been booked. */
    static final Duration USUAL_DESK_PERIOD = Duration.ofDays(8 * 7);
    static final int USUAL_DESK_MIN_DAYS = 3;

    private final Database db;
    private final Clock clock;
    private final EstateService estate;

    public StaffService(Database db, Clock clock, EstateService estate) {
        this.db = db;
        this.clock = clock;
        this.estate = estate;
    }

    /** Who the caller is, their preferences and their usual desk. */
    public Profile profile(Account who) {
        Instant now = clock.instant();
        record Found(boolean findable, List<StaffDao.DeskDays> desks) {
        }
        Found found = db.read(StaffDao.class, dao -> new Found(
                dao.findableByTeam(who.accountId()).orElse(false),
                dao.mostBookedDesks(who.accountId(), now.minus(USUAL_DESK_PERIOD), now, USUAL_DESK_MIN_DAYS)));
        return new Profile(who.username(), who.displayName(), who.role(), who.department(), who.siteId(),
                found.findable(), usualDesk(found.desks()).orElse(null));
    }

    /** Saves the caller's choices and answers with their profile as it is now. */
    public Profile savePreferences(Account who, Preferences preferences) {
        boolean findable = preferences.findableByTeam();
        db.write(StaffDao.class, dao -> {
            dao.savePreferences(who.accountId(), findable, clock.instant());
            return null;
        });
        LOG.fine(() -> "Account " + who.accountId() + (findable ? " is now" : " is no longer") + " findable by the team");
        return profile(who);
    }

    /**
     * Demo only: two in three demo employees have opted in to being findable, so "colleagues today" has something to
     * show. Done once per database; nobody else is touched.
     */
    public int optInDemoEmployees() {
        Instant now = clock.instant();
        return db.write(StaffDao.class, dao -> {
            int opted = dao.optInDemoEmployees(3, now);
            dao.rememberDemoPreferences(opted + " demo employees opted in at " + now);
            return opted;
        });
    }

    /**
     * Teammates (the same department, not the caller) who opted in and have a desk booking today that holds the desk,
     * where today is the local date of the desk's site. A caller without a department has no teammates.
     */
    public List<Colleague> colleaguesToday(Account who) {
        if (who.department() == null || who.department().isBlank()) {
            return List.of();
        }
        Instant now = clock.instant();
        // Sites may be in different time zones: read the dates around today in UTC, keep each site's own today.
        LocalDate utcToday = now.atZone(java.time.ZoneOffset.UTC).toLocalDate();
        List<StaffDao.TeamDesk> desks = db.read(StaffDao.class,
                dao -> dao.teamDesks(who.department(), who.accountId(), utcToday.minusDays(1), utcToday.plusDays(1)));
        Estate snapshot = estate.estate();
        return desks.stream().flatMap(desk -> snapshot.resource(desk.resourceId()).stream().flatMap(resource -> {
            Site site = snapshot.site(resource.siteId()).orElseThrow();
            if (!desk.localDate().equals(now.atZone(site.zone()).toLocalDate())) {
                return java.util.stream.Stream.empty();
            }
            return java.util.stream.Stream.of(new Colleague(desk.displayName(), site.id(), site.name(), resource.id(),
                    resource.name(), resource.floorId(), resource.zoneId(), desk.dayPart()));
        })).toList();
    }

    /** The first of the most-booked desks that is still a desk in the estate. */
    private Optional<Profile.UsualDesk> usualDesk(List<StaffDao.DeskDays> candidates) {
        Estate snapshot = estate.estate();
        return candidates.stream()
                .flatMap(c -> snapshot.resource(c.resourceId()).stream())
                .filter(r -> r.type() == ResourceType.DESK)
                .findFirst()
                .map(StaffService::usualDesk);
    }

    private static Profile.UsualDesk usualDesk(Resource r) {
        return new Profile.UsualDesk(r.id(), r.name(), r.siteId(), r.floorId(), r.zoneId());
    }
}
