package nl.flexplek.server.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.extension.ExtensionCallback;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The SQLite database: migrated by Flyway at start, read through a small pool of read-only connections, written
 * only through the {@link GroupCommitWriter}. WAL lets readers run while the writer commits.
 */
public final class Database implements AutoCloseable {
    private static final String PREFIX = "jdbc:sqlite:";

    private final HikariDataSource readPool;
    private final Jdbi reads;
    private final GroupCommitWriter writer;

    public Database(DatabaseSettings settings, List<Class<? extends Enum<?>>> codedEnums) {
        if (!settings.url().startsWith(PREFIX)) {
            throw new IllegalArgumentException("Only SQLite JDBC URLs (jdbc:sqlite:...) are supported, not " + scheme(settings.url()));
        }
        createParentDirectory(settings.url());
        migrate(settings.url());

        HikariConfig pool = new HikariConfig();
        pool.setPoolName("flexplek-reads");
        pool.setDataSource(dataSource(settings.url(), true));
        pool.setMaximumPoolSize(settings.readConnections());
        pool.setMinimumIdle(1);
        // Hikari sets the flag on every connection; the xerial driver only accepts the value it was opened with.
        pool.setReadOnly(true);
        this.readPool = new HikariDataSource(pool);
        this.reads = SqliteTypes.configure(Jdbi.create(readPool), codedEnums).installPlugin(new SqlObjectPlugin());

        Jdbi writes = SqliteTypes.configure(Jdbi.create(dataSource(settings.url(), false)), codedEnums)
                .installPlugin(new SqlObjectPlugin());
        this.writer = new GroupCommitWriter(writes.open());
    }

    /** Runs a read on a pooled read-only connection. */
    public <T> T read(Function<Handle, T> work) {
        return reads.withHandle(work::apply);
    }

    /** Runs a read through a SQL Object DAO on a pooled read-only connection. */
    public <E, T> T read(Class<E> dao, ExtensionCallback<T, E, RuntimeException> work) {
        return reads.withExtension(dao, work);
    }

    /** Runs a write in the shared group-commit transaction and returns once it is durable. */
    public <T> T write(Function<Handle, T> work) {
        return writer.write(work);
    }

    /** Runs a write through a SQL Object DAO attached to the writer's handle. */
    public <E, T> T write(Class<E> dao, Function<E, T> work) {
        return writer.write(handle -> work.apply(writer.attached(dao)));
    }

    /** A cheap liveness probe of the read side, for the health check. */
    public boolean reachable() {
        return read(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one() == 1);
    }

    @Override
    public void close() {
        writer.close();
        readPool.close();
    }

    /**
     * Connection settings every connection gets. The xerial driver applies pragmas when it opens a connection.
     * synchronous=FULL on the writer: a 201 means the booking survives a power cut; group commit pays for it.
     */
    static SQLiteDataSource dataSource(String url, boolean readOnly) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(10_000);
        config.enforceForeignKeys(true);
        config.setReadOnly(readOnly);
        // Write transactions take the write lock at BEGIN, so a check-then-insert inside one cannot race.
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        SQLiteDataSource ds = new SQLiteDataSource(config);
        ds.setUrl(url);
        return ds;
    }

    private static void migrate(String url) {
        Flyway.configure()
                .dataSource(dataSource(url, false))
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }

    private static void createParentDirectory(String url) {
        String path = url.substring(PREFIX.length()).split("\\?", 2)[0];
        if (path.isEmpty() || path.startsWith(":memory:") || path.startsWith("file:")) {
            return;
        }
        Path parent = Path.of(path).toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the database directory " + parent, e);
        }
    }

    private static String scheme(String url) {
        int second = url.indexOf(':', 5);
        return second > 0 ? url.substring(0, second) : "this URL";
    }
}
