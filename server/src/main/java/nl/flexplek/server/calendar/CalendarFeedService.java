package nl.flexplek.server.calendar;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import nl.flexplek.server.common.Database;
import nl.flexplek.server.common.NotFoundException;
import nl.flexplek.server.estate.EstateService;
import nl.flexplek.server.identity.Account;
import nl.flexplek.server.identity.Secrets;

/**
 * A person's calendar feed: its secret address (made on first request, the same one after, until revoked) and the
 * feed itself. The secret is an HMAC-SHA256 of a random per-feed nonce under the feed key, so it can be shown again
 * while the database holds only the nonce and the secret's SHA-256; a copy of the database without the key opens no
 * feed. Anyone who has the address can read the feed: that is what calendar subscriptions need.
 */
public final class CalendarFeedService {
    private static final Logger LOG = Logger.getLogger(CalendarFeedService.class.getName());
    private static final String KEY_STATE = "calendar-feed-key";
    /** What an address secret looks like: 256 bits in URL-safe Base64. Anything else is not looked up at all. */
    private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{43}");
    /** Enough for years of daily bookings; a feed is not an archive. */
    private static final int MAX_EVENTS = 2_000;

    private final Database db;
    private final Clock clock;
    private final EstateService estate;
    private final CalendarSettings settings;
    private final SecretKeySpec key;

    public CalendarFeedService(Database db, Clock clock, EstateService estate, CalendarSettings settings) {
        this.db = db;
        this.clock = clock;
        this.estate = estate;
        this.settings = settings;
        byte[] keyBytes = settings.feedKey().map(k -> k.getBytes(StandardCharsets.UTF_8)).orElseGet(this::storedKey);
        this.key = new SecretKeySpec(keyBytes, "HmacSHA256");
    }

    /** The secret of the caller's feed, made now if they have none. */
    public String secret(Account who) {
        Optional<String> nonce = db.read(CalendarFeedDao.class, dao -> dao.nonce(who.accountId()));
        if (nonce.isPresent()) {
            return secret(who.accountId(), nonce.get());
        }
        String fresh = Secrets.newToken();
        String secret = secret(who.accountId(), fresh);
        Instant now = clock.instant();
        // Two first calls at once: the second insert does nothing and both answer with the nonce that was stored.
        String stored = db.write(CalendarFeedDao.class, dao -> {
            dao.create(who.accountId(), fresh, Secrets.hash(secret), now);
            return dao.nonce(who.accountId()).orElseThrow();
        });
        if (stored.equals(fresh)) {
            LOG.info(() -> "Calendar feed made for account " + who.accountId());
        }
        return secret(who.accountId(), stored);
    }

    /** Revokes the caller's feed: its address answers 404 from now on. */
    public void revoke(Account who) {
        int revoked = db.write(CalendarFeedDao.class, dao -> dao.revoke(who.accountId()));
        if (revoked > 0) {
            LOG.info(() -> "Calendar feed revoked by account " + who.accountId());
        }
    }

    /** The iCalendar text of the feed with this secret; 404 when there is no such feed (any more). */
    public String feed(String secret) {
        NotFoundException none = new NotFoundException("There is no calendar feed at this address; it may have been revoked.");
        if (secret == null || !SECRET.matcher(secret).matches()) {
            throw none;
        }
        Instant now = clock.instant();
        Instant from = now.minus(Duration.ofDays(settings.pastDays()));
        List<CalendarFeedDao.FeedBooking> bookings = db.read(CalendarFeedDao.class, dao -> {
            long owner = dao.owner(Secrets.hash(secret)).orElseThrow(() -> none);
            return dao.bookings(owner, from, MAX_EVENTS);
        });
        return FeedCalendar.write(bookings, estate.estate(), now);
    }

    private String secret(long accountId, String nonce) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal(("calendar-feed:" + accountId + ":" + nonce).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** Without a configured key, one is generated once and kept in the database, so addresses survive restarts. */
    private byte[] storedKey() {
        String generated = Secrets.newToken();
        String key = db.write(CalendarFeedDao.class, dao -> {
            dao.rememberState(KEY_STATE, generated);
            return dao.state(KEY_STATE).orElseThrow();
        });
        if (key.equals(generated)) {
            LOG.info("No calendar feed key is configured: generated one and kept it in the database. Set "
                    + "FLEXPLEK_CALENDAR_FEED_KEY so that a copy of the database alone opens no calendar feed.");
        }
        return key.getBytes(StandardCharsets.UTF_8);
    }
}
