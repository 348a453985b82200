package nl.flexplek.server.booking;

import java.time.Clock;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

import nl.flexplek.server.common.Database;
import nl.flexplek.server.estate.ResourceType;

/**
 * The current booking policy per resource type. The configured policies seed the table once; after that the table
 * is the truth, so a manager's change survives restarts. Read on every booking, so kept in memory.
 */
public final class PolicyService {
    private static final Logger LOG = Logger.getLogger(PolicyService.class.getName());

    private final Database db;
    private final Clock clock;
    private volatile Map<ResourceType, BookingPolicy> policies;

    public PolicyService(Database db, Clock clock, BookingSettings settings) {
        this.db = db;
        this.clock = clock;
        db.write(BookingDao.class, dao -> {
            settings.defaultPolicies().values().forEach(p -> dao.seedPolicy(p, clock.instant()));
            return null;
        });
        reload();
    }

    public BookingPolicy policy(ResourceType type) {
        return policies.get(type);
    }

    public List<BookingPolicy> all() {
        return policies.values().stream().sorted(Comparator.comparing(BookingPolicy::resourceType)).toList();
    }

    /** A facility manager changes the rules for one type; bookings already made are not touched. */
    public BookingPolicy update(BookingPolicy policy) {
        db.write(BookingDao.class, dao -> {
            dao.savePolicy(policy, clock.instant());
            return null;
        });
        reload();
        LOG.info(() -> "Booking policy changed: " + policy);
        return policy(policy.resourceType());
    }

    private synchronized void reload() {
        Map<ResourceType, BookingPolicy> fresh = new EnumMap<>(ResourceType.class);
        db.read(BookingDao.class, BookingDao::policies).forEach(p -> fresh.put(p.resourceType(), p));
        policies = fresh;
    }
}
