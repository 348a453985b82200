package nl.flexplek.server.insights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import nl.flexplek.server.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * After 90 days a booking no longer says who made it, and the figures stay exactly as they were. Alice's desk on
 * Tuesday 24 November and Bob's on Thursday 26 November; on 23 February 2027 at 18:01 Alice's booking ended 91 days
 * ago and Bob's 89 days ago.
 */
class RetentionTest {
    private static final String PERIOD = "from=2026-11-23&to=2026-11-27";

    private TestServer server;

    @BeforeEach
    void start() {
        server = TestServer.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aBooking91DaysOldIsAnonymisedOne89DaysOldIsNotAndTheFiguresStayTheSame() throws SQLException {
        long alicesDesk = server.post("/api/v1/bookings", server.login("alice"),
                Map.of("resourceId", "desk-1", "date", "2026-11-24", "part", "day"),
                Map.of("Idempotency-Key", "alice-tuesday")).json().get("id").asLong();
        long bobsDesk = server.post("/api/v1/bookings", server.login("bob"),
                Map.of("resourceId", "desk-2", "date", "2026-11-26", "part", "day")).json().get("id").asLong();
        server.at(LocalDate.parse("2026-11-24"), "08:30");
        assertEquals(200, server.post("/api/v1/bookings/" + alicesDesk + "/check-in", server.login("alice"), Map.of()).status());
        server.at(LocalDate.parse("2026-11-24"), "18:00");
        server.at(LocalDate.parse("2026-11-26"), "09:30");
        server.at(LocalDate.parse("2026-11-26"), "18:00");

        server.at(LocalDate.parse("2027-02-23"), "18:01");
        String carol = server.login("carol");
        JsonNode utilizationBefore = server.get("/api/v1/insights/utilization?siteId=town-hall&" + PERIOD, carol).json();
        String exportBefore = server.get("/api/v1/insights/export.csv?siteId=town-hall&" + PERIOD, carol).body();
        String openDataBefore = server.get("/api/v1/open-data/occupancy.csv?" + PERIOD + "&granularity=hour", null).body();
        assertEquals(2, utilizationBefore.get("summary").get("bookings").asInt());
        assertEquals(1, utilizationBefore.get("summary").get("noShows").asInt());
        assertEquals(1, count("SELECT count(*) FROM idempotency_key WHERE booking_id = " + alicesDesk));

        List<String> log = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                log.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(RetentionService.class.getName());
        logger.addHandler(capture);
        try {
            assertEquals(1, server.app().retention().anonymiseOldBookings());
            assertEquals(0, server.app().retention().anonymiseOldBookings(), "once is enough");
        } finally {
            logger.removeHandler(capture);
        }
        assertTrue(log.getFirst().contains("Retention: 1 booking(s)"), log.toString());
        assertFalse(String.join(" ", log).toLowerCase().matches(".*(alice|jansen|desk-1|alice-tuesday).*"), log.toString());

        // Nothing links Alice's booking to her any more...
        assertEquals(RetentionService.ANONYMOUS_ACCOUNT_ID, count("SELECT account_id FROM booking WHERE id = " + alicesDesk));
        assertEquals(0, count("SELECT count(*) FROM idempotency_key WHERE booking_id = " + alicesDesk));
        JsonNode owner = server.get("/api/v1/bookings/" + alicesDesk, carol).json().get("owner");
        assertEquals("(anonymised)", owner.get("username").asText());
        assertEquals("Anonymised", owner.get("displayName").asText());
        String alice = server.login("alice");
        assertEquals(404, server.get("/api/v1/bookings/" + alicesDesk, alice).status());
        assertEquals(0, server.get("/api/v1/bookings?from=2026-11-01T00:00:00Z", alice).json().get("bookings").size());
        assertEquals(401, server.post("/api/v1/sessions", null, Map.of("username", "(anonymised)", "password", "!")).status());
        // ...while Bob's, 89 days old, is still his.
        assertEquals("bob", server.get("/api/v1/bookings/" + bobsDesk, carol).json().get("owner").get("username").asText());

        // The figures of the old period are the same.
        assertEquals(utilizationBefore, server.get("/api/v1/insights/utilization?siteId=town-hall&" + PERIOD, carol).json());
        assertEquals(exportBefore, server.get("/api/v1/insights/export.csv?siteId=town-hall&" + PERIOD, carol).body());
        assertEquals(openDataBefore, server.get("/api/v1/open-data/occupancy.csv?" + PERIOD + "&granularity=hour", null).body());
    }

    @Test
    void theRetentionPeriodIsConfigurable() {
        server.close();
        server = TestServer.start(Map.of("flexplek.insights.retention", "P30D"));
        server.post("/api/v1/bookings", server.login("alice"), Map.of("resourceId", "desk-1", "date", "2026-11-24", "part", "day"));
        server.at(LocalDate.parse("2026-12-24"), "17:59");
        assertEquals(0, server.app().retention().anonymiseOldBookings(), "29 days, 23 hours and 59 minutes");
        server.at(LocalDate.parse("2026-12-24"), "18:01");
        assertEquals(1, server.app().retention().anonymiseOldBookings());
    }

    private long count(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + server.databaseFile());
             ResultSet rs = c.createStatement().executeQuery(sql)) {
            assertTrue(rs.next());
            return rs.getLong(1);
        }
    }
}
