package nl.flexplek.server.board;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

import nl.flexplek.server.common.Database;
import nl.flexplek.server.common.InvalidRequestException;
import nl.flexplek.server.common.NotFoundException;
import nl.flexplek.server.estate.EstateService;
import nl.flexplek.server.identity.DeviceToken;
import nl.flexplek.server.identity.IdentityService;
import nl.flexplek.server.identity.Account;
import nl.flexplek.server.identity.Role;

/**
 * Registering, listing and revoking kiosk screens. A kiosk is a device account bound to its site with one token;
 * the token is shown once, in the answer to the registration, and stored only as a hash.
 */
public final class KioskService {
    private static final Logger LOG = Logger.getLogger(KioskService.class.getName());
    private static final Set<String> LANGUAGES = Set.of("nl", "de", "en", "rotate");
    /** "Last seen" is for managers spotting a dead screen, so a write every few minutes per kiosk is plenty. */
    private static final Duration SEEN_RESOLUTION = Duration.ofMinutes(5);

    private final Database db;
    private final Clock clock;
    private final EstateService estate;
    private final IdentityService identity;
    private final Duration tokenLifetime;
    private final Map<Long, Instant> lastSeenWritten = new ConcurrentHashMap<>();

    public KioskService(Database db, Clock clock, EstateService estate, IdentityService identity, Duration tokenLifetime) {
        this.db = db;
        this.clock = clock;
        this.estate = estate;
        this.identity = identity;
        this.tokenLifetime = tokenLifetime;
    }

    /** Registers a kiosk for a site; {@code baseUrl} is where the screen reaches this server. */
    public RegisteredKiosk register(Account manager, KioskRequest request, String baseUrl) {
        if (request.siteId() == null || request.siteId().isBlank()) {
            throw InvalidRequestException.field("siteId", "is required");
        }
        if (estate.estate().site(request.siteId()).isEmpty()) {
            throw InvalidRequestException.field("siteId", "is not a site of this estate");
        }
        String language = request.language() == null ? "rotate" : request.language();
        if (!LANGUAGES.contains(language)) {
            throw InvalidRequestException.field("language", "must be one of nl, de, en, rotate");
        }
        String name = request.name() == null || request.name().isBlank()
                ? "Kiosk " + estate.site(request.siteId()).name() : request.name().strip();
        if (name.length() > 100) {
            throw InvalidRequestException.field("name", "must be at most 100 characters");
        }
        DeviceToken device = identity.registerDevice(request.siteId(), name, tokenLifetime);
        Instant now = clock.instant();
        long id;
        try {
            id = db.write(KioskDao.class, dao -> dao.insert(request.siteId(), device.accountId(), name, language, now,
                    manager.accountId()));
        } catch (RuntimeException e) {
            identity.revokeDevice(device.accountId());
            throw e;
        }
        LOG.info(() -> "Kiosk " + id + " registered for site " + request.siteId() + " by " + manager.username());
        String url = baseUrl + "/kiosk/" + request.siteId() + "?token=" + device.token() + "&lang=" + language;
        return new RegisteredKiosk(id, request.siteId(), name, language, now, null, null, device.token(), url);
    }

    public List<Kiosk> list() {
        return db.read(KioskDao.class, KioskDao::all);
    }

    public Kiosk get(long id) {
        return db.read(KioskDao.class, dao -> dao.byId(id))
                .orElseThrow(() -> new NotFoundException("There is no kiosk " + id + "."));
    }

    /** Revokes a kiosk: its token stops working at once. Revoking twice is harmless. */
    public void revoke(Account manager, long id) {
        Kiosk kiosk = get(id);
        long accountId = db.read(KioskDao.class, dao -> dao.accountOf(id));
        identity.revokeDevice(accountId);
        db.write(KioskDao.class, dao -> dao.revoke(id, clock.instant()));
        LOG.info(() -> "Kiosk " + id + " at " + kiosk.siteId() + " revoked by " + manager.username());
    }

    /** Notes that a kiosk device read its board, at most once per few minutes per kiosk; a person reading it is not noted. */
    public void seen(Account device) {
        if (!device.is(Role.KIOSK)) {
            return;
        }
        Instant now = clock.instant();
        Instant written = lastSeenWritten.get(device.accountId());
        if (written != null && Duration.between(written, now).compareTo(SEEN_RESOLUTION) < 0) {
            return;
        }
        lastSeenWritten.put(device.accountId(), now);
        db.write(KioskDao.class, dao -> dao.seen(device.accountId(), now));
    }
}
