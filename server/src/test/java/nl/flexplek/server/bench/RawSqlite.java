package nl.flexplek.server.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

import nl.flexplek.server.common.GroupCommitWriter;
import org.jdbi.v3.core.Jdbi;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The physical limit the server is measured against: inserting the very booking rows the server made, one row per
 * autocommit transaction on one plain JDBC connection, into a copy of the server's own database (same schema, indexes,
 * triggers and history). Connections get the server's settings (WAL, foreign keys, busy timeout) and the
 * synchronous mode under test.
 */
final class RawSqlite {
    static final String COLUMNS = "resource_id, resource_type, account_id, starts_at, ends_at, blocked_until, "
            + "local_date, day_part, attendees, status, created_at";
    private static final String INSERT = "INSERT INTO booking (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /** A booking row as stored: epoch milliseconds, codes and ISO dates. */
    record Row(String resourceId, String type, long accountId, long startsAt, long endsAt, long blockedUntil,
               String localDate, String dayPart, Integer attendees, String status, long createdAt) {
    }

    /** What one insert run measured. */
    record Rate(String synchronous, int rows, long elapsedNanos) {
        double perSecond() {
            return rows * 1e9 / elapsedNanos;
        }
    }

    private RawSqlite() {
    }

    static Connection open(Path file, SQLiteConfig.SynchronousMode synchronous, boolean readOnly) throws SQLException {
        return config(synchronous, readOnly).createConnection("jdbc:sqlite:" + file);
    }

    private static SQLiteConfig config(SQLiteConfig.SynchronousMode synchronous, boolean readOnly) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(synchronous);
        config.setBusyTimeout(10_000);
        config.enforceForeignKeys(true);
        config.setReadOnly(readOnly);
        return config;
    }

    /** A consistent copy of a live database (WAL included) taken through SQLite itself. */
    static void snapshot(Connection source, Path target) throws SQLException {
        try (Statement s = source.createStatement()) {
            s.execute("VACUUM INTO '" + target.toString().replace("'", "''") + "'");
        }
    }

    /** The confirmed booking rows with an id above {@code afterId}, in id order (warm-up bookings were cancelled). */
    static List<Row> rowsAfter(Connection db, long afterId) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement q = db.prepareStatement("SELECT " + COLUMNS + " FROM booking WHERE id > ? AND status = 'confirmed' ORDER BY id")) {
            q.setLong(1, afterId);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                            rs.getLong(6), rs.getString(7), rs.getString(8), (Integer) rs.getObject(9),
                            rs.getString(10), rs.getLong(11)));
                }
            }
        }
        return rows;
    }

    /** Single-row autocommit inserts on one connection into a fresh copy of the template. */
    static Rate insertOneByOne(Path template, Path copy, SQLiteConfig.SynchronousMode synchronous, List<Row> rows)
            throws Exception {
        Files.copy(template, copy, StandardCopyOption.REPLACE_EXISTING);
        try (Connection c = open(copy, synchronous, false);
             PreparedStatement insert = c.prepareStatement(INSERT)) {
            long started = System.nanoTime();
            for (Row row : rows) {
                bind(insert, row);
                insert.executeUpdate();
            }
            return new Rate(synchronous.name(), rows.size(), System.nanoTime() - started);
        }
    }

    /**
     * The same rows through the server's own {@link GroupCommitWriter} on a fresh copy, from {@code clients}
     * concurrent callers, each insert its own unit (savepoint) as the server does it: what group commit alone buys.
     */
    static LoadRunner.Result insertGroupCommitted(Path template, Path copy, List<Row> rows, int clients) throws Exception {
        Files.copy(template, copy, StandardCopyOption.REPLACE_EXISTING);
        SQLiteDataSource dataSource = new SQLiteDataSource(config(SQLiteConfig.SynchronousMode.FULL, false));
        dataSource.setUrl("jdbc:sqlite:" + copy);
        try (GroupCommitWriter writer = new GroupCommitWriter(Jdbi.create(dataSource).open())) {
            return LoadRunner.closed("group commit", clients, rows, row -> writer.write(handle -> {
                handle.createUpdate(INSERT.replace("?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?",
                                ":resource, :type, :account, :start, :end, :blocked, :date, :part, :attendees, :status, :created"))
                        .bind("resource", row.resourceId()).bind("type", row.type()).bind("account", row.accountId())
                        .bind("start", row.startsAt()).bind("end", row.endsAt()).bind("blocked", row.blockedUntil())
                        .bind("date", row.localDate()).bind("part", row.dayPart()).bind("attendees", row.attendees())
                        .bind("status", row.status()).bind("created", row.createdAt())
                        .execute();
                return 201;
            }));
        }
    }

    /**
     * How long the disk takes to make a small append durable (write 4 KiB, fdatasync), in microseconds: what every
     * single-row commit at synchronous=FULL waits for at least once.
     */
    static org.HdrHistogram.Histogram fsyncMicros(Path file, int count) throws java.io.IOException {
        org.HdrHistogram.Histogram latency = new org.HdrHistogram.Histogram(10_000_000L, 3);
        java.nio.ByteBuffer block = java.nio.ByteBuffer.allocate(4096);
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(file,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE,
                java.nio.file.StandardOpenOption.TRUNCATE_EXISTING)) {
            for (int i = 0; i < count; i++) {
                block.clear();
                long t0 = System.nanoTime();
                channel.write(block);
                channel.force(false);
                latency.recordValue(Math.min((System.nanoTime() - t0) / 1_000, 10_000_000L));
            }
        } finally {
            Files.deleteIfExists(file);
        }
        return latency;
    }

    private static void bind(PreparedStatement insert, Row row) throws SQLException {
        insert.setString(1, row.resourceId());
        insert.setString(2, row.type());
        insert.setLong(3, row.accountId());
        insert.setLong(4, row.startsAt());
        insert.setLong(5, row.endsAt());
        insert.setLong(6, row.blockedUntil());
        insert.setString(7, row.localDate());
        insert.setString(8, row.dayPart());
        if (row.attendees() == null) {
            insert.setNull(9, Types.INTEGER);
        } else {
            insert.setInt(9, row.attendees());
        }
        insert.setString(10, row.status());
        insert.setLong(11, row.createdAt());
    }
}
