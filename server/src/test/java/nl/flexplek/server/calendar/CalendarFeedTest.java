package nl.flexplek.server.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DateProperty;
import nl.flexplek.server.EnvironmentSettings;
import nl.flexplek.server.Settings;
import nl.flexplek.server.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Alice subscribes to her bookings in her calendar app: a secret address that works without a token, the events
 * with their times and place, nobody else's bookings, and an address she can revoke.
 */
class CalendarFeedTest {
    private static final String FEED_PREFIX = "/api/v1/calendar-feeds/";

    private TestServer server;
    private String alice;

    @BeforeEach
    void start() {
        server = TestServer.start();
        alice = server.login("alice");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String feedUrl(String token) {
        TestServer.Response res = server.get("/api/v1/me/calendar-feed", token);
        assertEquals(200, res.status(), res.body());
        return res.json().get("url").asText();
    }

    /** The feed at an absolute address, fetched without a token. */
    private TestServer.Response fetch(String url) {
        URI uri = URI.create(url);
        return server.get(uri.getRawPath(), null);
    }

    private static Calendar parse(TestServer.Response feed) throws Exception {
        return new CalendarBuilder().build(new StringReader(feed.body()));
    }

    private static Map<String, VEvent> eventsByUid(Calendar calendar) {
        Map<String, VEvent> events = new TreeMap<>();
        for (VEvent event : calendar.<VEvent>getComponents(Component.VEVENT)) {
            events.put(value(event, Property.UID), event);
        }
        return events;
    }

    private static String value(VEvent event, String property) {
        return event.getProperty(property).map(Property::getValue).orElse(null);
    }

    private static Instant instant(VEvent event, String property) {
        DateProperty<?> date = event.<DateProperty<?>>getProperty(property).orElseThrow();
        Temporal temporal = date.getDate();
        return Instant.from(temporal);
    }

    private long book(String token, Map<String, Object> request) {
        TestServer.Response res = server.post("/api/v1/bookings", token, request);
        assertEquals(201, res.status(), res.body());
        return res.json().get("id").asLong();
    }

    @Test
    void theFeedListsHerBookingsWithTimesAndPlaceAndNothingOfAnyoneElse() throws Exception {
        long desk = book(alice, Map.of("resourceId", "desk-1", "date", "2026-11-24", "part", "morning"));
        long room = book(alice, Map.of("resourceId", "room-1", "start", "2026-11-25T10:00:00+01:00",
                "end", "2026-11-25T11:30:00+01:00", "attendees", 4));
        long cancelled = book(alice, Map.of("resourceId", "desk-3", "date", "2026-11-26", "part", "day"));
        assertEquals(204, server.delete("/api/v1/bookings/" + cancelled, alice).status());
        String bob = server.login("bob");
        long bobs = book(bob, Map.of("resourceId", "desk-2", "date", "2026-11-24", "part", "day"));

        String url = feedUrl(alice);
        assertTrue(url.matches("http://127\\.0\\.0\\.1:\\d+/api/v1/calendar-feeds/[A-Za-z0-9_-]{43}/bookings\\.ics"), url);
        assertEquals(url, feedUrl(alice), "the same address on every call");

        TestServer.Response feed = fetch(url);
        assertEquals(200, feed.status(), feed.body());
        assertEquals("text/calendar; charset=utf-8", feed.contentType());
        Calendar calendar = parse(feed);
        assertEquals(FeedCalendar.PRODUCT, calendar.getProperty(Property.PRODID).orElseThrow().getValue());
        calendar.validate();

        Map<String, VEvent> events = eventsByUid(calendar);
        assertEquals(List.of("booking-" + desk + "@flexplek", "booking-" + room + "@flexplek"), new ArrayList<>(events.keySet()),
                "her two bookings; not the cancelled one, not Bob's " + bobs);
        VEvent deskEvent = events.get("booking-" + desk + "@flexplek");
        assertEquals(Instant.parse("2026-11-24T07:00:00Z"), instant(deskEvent, Property.DTSTART));
        assertEquals(Instant.parse("2026-11-24T12:00:00Z"), instant(deskEvent, Property.DTEND));
        assertEquals("Desk 1 · Town hall", value(deskEvent, Property.SUMMARY));
        assertEquals("Town hall, Markt 1, First floor, ICT corner", value(deskEvent, Property.LOCATION));
        assertEquals("CONFIRMED", value(deskEvent, Property.STATUS));
        assertEquals("desk", value(deskEvent, Property.CATEGORIES));
        assertEquals(TestServer.MONDAY_8AM, instant(deskEvent, Property.DTSTAMP));

        VEvent roomEvent = events.get("booking-" + room + "@flexplek");
        assertEquals(OffsetDateTime.parse("2026-11-25T10:00:00+01:00").toInstant(), instant(roomEvent, Property.DTSTART));
        assertEquals(OffsetDateTime.parse("2026-11-25T11:30:00+01:00").toInstant(), instant(roomEvent, Property.DTEND));
        assertEquals("Town hall, Markt 1, First floor", value(roomEvent, Property.LOCATION));

        // Bob's own feed has only his booking.
        Map<String, VEvent> bobsEvents = eventsByUid(parse(fetch(feedUrl(bob))));
        assertEquals(List.of("booking-" + bobs + "@flexplek"), new ArrayList<>(bobsEvents.keySet()));
    }

    @Test
    void aNoShowIsMarkedCancelledAndBookingsOverAMonthAgoLeaveTheFeed() throws Exception {
        long tomorrow = book(alice, Map.of("resourceId", "desk-1", "date", "2026-11-24", "part", "day"));
        long nextWeek = book(alice, Map.of("resourceId", "desk-1", "date", "2026-11-30", "part", "day"));
        String url = feedUrl(alice);

        // Nobody checks in on Tuesday: released as a no-show.
        server.clock.set(Instant.parse("2026-11-24T10:00:00Z"));
        server.app().bookings().releaseNoShows();
        VEvent noShow = eventsByUid(parse(fetch(url))).get("booking-" + tomorrow + "@flexplek");
        assertEquals("CANCELLED", value(noShow, Property.STATUS));

        // Thirty days after Tuesday's booking ended it is gone; the one a week later is still there.
        server.clock.set(Instant.parse("2026-12-25T12:00:00Z"));
        Map<String, VEvent> events = eventsByUid(parse(fetch(url)));
        assertEquals(List.of("booking-" + nextWeek + "@flexplek"), new ArrayList<>(events.keySet()));
    }

    @Test
    void revokingTheFeedMakesTheOldAddressA404AndALaterRequestMakesANewOne() {
        String url = feedUrl(alice);
        assertEquals(200, fetch(url).status());

        assertEquals(204, server.delete("/api/v1/me/calendar-feed", alice).status());
        TestServer.Response gone = fetch(url);
        assertEquals(404, gone.status());
        assertEquals("application/problem+json", gone.contentType());
        assertFalse(gone.body().contains(URI.create(url).getPath().substring(FEED_PREFIX.length())),
                "the problem does not echo the secret");

        String fresh = feedUrl(alice);
        assertNotEquals(url, fresh);
        assertEquals(200, fetch(fresh).status());
        assertEquals(404, fetch(url).status());
        assertEquals(204, server.delete("/api/v1/me/calendar-feed", alice).status(), "revoking twice is fine");
    }

    @Test
    void unknownOrMalformedSecretsAreNotFound() {
        assertEquals(404, server.get(FEED_PREFIX + "A".repeat(43) + "/bookings.ics", null).status());
        assertEquals(404, server.get(FEED_PREFIX + "short/bookings.ics", null).status());
        assertEquals(404, server.get(FEED_PREFIX + "x".repeat(500) + "/bookings.ics", null).status());
        assertEquals(404, server.get(FEED_PREFIX + "A".repeat(43), null).status(), "without /bookings.ics");
    }

    @Test
    void theAddressNeedsAPersonsTokenButTheFeedNone() {
        String kiosk = server.login("kiosk-town-hall");
        assertEquals(401, server.get("/api/v1/me/calendar-feed", null).status());
        assertEquals(401, server.delete("/api/v1/me/calendar-feed", null).status());
        assertEquals(403, server.get("/api/v1/me/calendar-feed", kiosk).status());
        assertEquals(403, server.delete("/api/v1/me/calendar-feed", kiosk).status());
        String carols = feedUrl(server.login("carol"));
        assertEquals(200, fetch(carols).status(), "a facility manager has a feed too, without a token");
        // A feed fetched with some other (even invalid) token is still just the feed.
        assertEquals(200, server.get(URI.create(carols).getRawPath(), "not-a-token").status());
    }

    @Test
    void theSecretIsStoredOnlyAsAHashAndNeverLogged() throws Exception {
        List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(record.getMessage() + " " + java.util.Arrays.toString(record.getParameters()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        Logger requests = Logger.getLogger("nl.flexplek.server.requests");
        Level before = requests.getLevel();
        requests.setLevel(Level.INFO);
        root.addHandler(capture);
        String secret;
        try {
            String url = feedUrl(alice);
            secret = URI.create(url).getPath().substring(FEED_PREFIX.length()).replace("/bookings.ics", "");
            assertEquals(200, fetch(url).status());
            assertEquals(204, server.delete("/api/v1/me/calendar-feed", alice).status());
            assertEquals(404, fetch(url).status());
            // The request log line is written after the answer has gone out.
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5))
                    .until(() -> String.join("\n", lines).contains("GET /calendar-feeds/***/bookings.ics 404"));
        } finally {
            root.removeHandler(capture);
            requests.setLevel(before);
        }
        String log = String.join("\n", lines);
        assertTrue(log.contains("GET /calendar-feeds/***/bookings.ics 200"), log);
        assertTrue(log.contains("GET /calendar-feeds/***/bookings.ics 404"), log);
        assertFalse(log.contains(secret), log);

        String again = feedUrl(alice);
        String newSecret = URI.create(again).getPath().substring(FEED_PREFIX.length()).replace("/bookings.ics", "");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + server.databaseFile());
             ResultSet rows = c.createStatement().executeQuery("SELECT nonce, secret_hash FROM calendar_feed")) {
            assertTrue(rows.next());
            assertNotEquals(newSecret, rows.getString("nonce"));
            String hash = HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(newSecret.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            assertEquals(hash, rows.getString("secret_hash"));
            assertFalse(rows.next(), "one feed, the revoked one is gone");
        }
    }

    @Test
    void theAddressSurvivesARestart() {
        String url = feedUrl(alice);
        server.restart();
        String later = feedUrl(server.login("alice"));
        assertEquals(URI.create(url).getPath(), URI.create(later).getPath());
        assertEquals(200, fetch(later).status());
    }

    @Test
    void aConfiguredPublicUrlAndFeedKeyAreUsed() {
        try (TestServer configured = TestServer.start(Map.of(
                "flexplek.public-url", "https://flexplek.example.org/",
                "flexplek.calendar.feed-key", "a-test-key-that-is-long-enough-0123456789"))) {
            TestServer.Response res = configured.get("/api/v1/me/calendar-feed", configured.login("alice"));
            String url = res.json().get("url").asText();
            assertTrue(url.matches("https://flexplek\\.example\\.org/api/v1/calendar-feeds/[A-Za-z0-9_-]{43}/bookings\\.ics"), url);
            assertEquals(200, configured.get(URI.create(url).getRawPath(), null).status());
        }
    }

    @Test
    void thePublicUrlIsReadFromItsEnvironmentVariableToo() {
        Settings settings = Settings.from(EnvironmentSettings.config(Map.of("FLEXPLEK_PUBLIC_URL", "https://book.example.nl")));
        assertEquals("https://book.example.nl", settings.calendar().publicUrl().orElseThrow());
        assertThrows(IllegalArgumentException.class, () -> Settings.from(Config.just(
                ConfigSources.create(Map.of("flexplek.public-url", "flexplek.example.org")),
                ConfigSources.classpath("application.yaml"))));
        assertThrows(IllegalArgumentException.class, () -> Settings.from(Config.just(
                ConfigSources.create(Map.of("flexplek.calendar.feed-key", "too-short")),
                ConfigSources.classpath("application.yaml"))));
    }

    @Test
    void theRequestLogMasksOnlyTheFeedSecret() {
        assertEquals("/api/v1/calendar-feeds/***.ics", nl.flexplek.server.common.ApiHeaders.loggable("/api/v1/calendar-feeds/abc.ics"));
        assertEquals("/api/v1/calendar-feeds/***", nl.flexplek.server.common.ApiHeaders.loggable("/api/v1/calendar-feeds/abc"));
        assertEquals("/api/v1/me/calendar-feed", nl.flexplek.server.common.ApiHeaders.loggable("/api/v1/me/calendar-feed"));
        assertEquals("/api/v1/bookings/12", nl.flexplek.server.common.ApiHeaders.loggable("/api/v1/bookings/12"));
    }
}
