package nl.flexplek.server.booking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import nl.flexplek.server.identity.NewAccount;
import nl.flexplek.server.identity.Role;
import nl.flexplek.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One resource, one booking at a time, however many people press "book" at once. */
class NoDoubleBookingTest {
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        List<NewAccount> people = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            people.add(new NewAccount("racer" + i, "Racer " + i, Role.EMPLOYEE, "ICT", "town-hall", TestServer.PASSWORD));
        }
        server.app().identity().ensureAccounts(people);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void fortyConcurrentRequestsForOneDeskDay_giveOneBookingAndThirtyNineConflicts() throws Exception {
        List<String> tokens = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            tokens.add(server.login("racer" + i));
        }
        CountDownLatch go = new CountDownLatch(1);
        List<Future<TestServer.Response>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(40)) {
            for (String token : tokens) {
                answers.add(pool.submit(() -> {
                    go.await();
                    return server.post("/api/v1/bookings", token,
                            Map.of("resourceId", "desk-2", "date", "2026-11-25", "part", "day"));
                }));
            }
            go.countDown();
            int created = 0;
            int conflicts = 0;
            for (Future<TestServer.Response> answer : answers) {
                TestServer.Response res = answer.get();
                if (res.status() == 201) {
                    created++;
                } else if (res.status() == 409) {
                    conflicts++;
                    assertEquals("application/problem+json", res.contentType());
                    assertTrue(res.json().get("detail").asText().contains("Desk 2 is already booked on 2026-11-25"),
                            res.body());
                }
            }
            assertEquals(1, created);
            assertEquals(39, conflicts);
        }
        // A morning booking overlaps the day booking too.
        TestServer.Response morning = server.post("/api/v1/bookings", server.login("alice"),
                Map.of("resourceId", "desk-2", "date", "2026-11-25", "part", "morning"));
        assertEquals(409, morning.status());
    }

    @Test
    void theDatabaseItselfRefusesAnOverlappingRow_evenWithoutTheServer() throws SQLException {
        TestServer.Response first = server.post("/api/v1/bookings", server.login("bob"),
                Map.of("resourceId", "desk-3", "date", "2026-11-26", "part", "morning"));
        assertEquals(201, first.status(), first.body());
        long start = java.time.Instant.parse("2026-11-26T10:00:00Z").toEpochMilli();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + server.databaseFile());
             Statement st = c.createStatement()) {
            st.execute("PRAGMA busy_timeout = 5000");
            SQLException refused = assertThrows(SQLException.class, () -> st.executeUpdate("""
                    INSERT INTO booking (resource_id, resource_type, account_id, starts_at, ends_at, blocked_until,
                                         status, created_at)
                    VALUES ('desk-3', 'desk', (SELECT id FROM account WHERE username = 'carol'), %d, %d, %d,
                            'confirmed', 0)""".formatted(start, start + 3_600_000, start + 3_600_000)));
            assertTrue(refused.getMessage().contains("flexplek:booking-overlap"), refused.getMessage());
            // A cancelled row may overlap: only bookings that hold the resource count.
            assertEquals(1, st.executeUpdate("""
                    INSERT INTO booking (resource_id, resource_type, account_id, starts_at, ends_at, blocked_until,
                                         status, created_at)
                    VALUES ('desk-3', 'desk', (SELECT id FROM account WHERE username = 'carol'), %d, %d, %d,
                            'cancelled', 0)""".formatted(start, start + 3_600_000, start + 3_600_000)));
        }
    }

    @Test
    void anECarIsHeldForItsChargingTurnaround() {
        String alice = server.login("alice");
        String bob = server.login("bob");
        assertEquals(201, server.post("/api/v1/bookings", alice, Map.of("resourceId", "ecar-1",
                "start", "2026-11-27T10:00:00+01:00", "end", "2026-11-27T12:00:00+01:00")).status());
        TestServer.Response tooSoon = server.post("/api/v1/bookings", bob, Map.of("resourceId", "ecar-1",
                "start", "2026-11-27T12:15:00+01:00", "end", "2026-11-27T13:00:00+01:00"));
        assertEquals(409, tooSoon.status(), tooSoon.body());
        assertEquals(201, server.post("/api/v1/bookings", bob, Map.of("resourceId", "ecar-1",
                "start", "2026-11-27T12:30:00+01:00", "end", "2026-11-27T13:00:00+01:00")).status());
        // The e-bike has no turnaround.
        assertEquals(201, server.post("/api/v1/bookings", alice, Map.of("resourceId", "ebike-1",
                "start", "2026-11-27T10:00:00+01:00", "end", "2026-11-27T12:00:00+01:00")).status());
        assertEquals(201, server.post("/api/v1/bookings", bob, Map.of("resourceId", "ebike-1",
                "start", "2026-11-27T12:00:00+01:00", "end", "2026-11-27T13:00:00+01:00")).status());
    }
}
