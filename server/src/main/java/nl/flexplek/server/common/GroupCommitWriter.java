package nl.flexplek.server.common;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.jdbi.v3.core.Handle;

/**
 * The single writer of the database. Callers hand it a unit of work and wait; its own thread takes whatever work has
 * queued up, runs each unit in a savepoint of one {@code BEGIN IMMEDIATE} transaction and commits them together.
 * <p>
 * Why: SQLite has one writer at a time and each commit costs an fsync. Serialising writes here removes lock
 * contention (no SQLITE_BUSY retries), makes check-then-insert race-free, and lets many bookings share one fsync,
 * which is how the server gets past the single-row commit rate without weakening durability. A unit that fails
 * is rolled back to its savepoint and fails alone; its neighbours in the batch still commit.
 * <p>
 * Work runs on the writer's thread and must only touch the handle it is given.
 */
public final class GroupCommitWriter implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(GroupCommitWriter.class.getName());
    private static final int MAX_BATCH = 512;

    private final Handle handle;
    // SQL Object proxies on the writer's one handle, made once: attaching costs tens of microseconds per call.
    private final java.util.Map<Class<?>, Object> attached = new java.util.HashMap<>();
    private final BlockingQueue<Unit<?>> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean running = true;

    public GroupCommitWriter(Handle handle) {
        this.handle = handle;
        this.thread = Thread.ofPlatform().name("flexplek-db-writer").daemon(true).unstarted(this::loop);
        this.thread.start();
    }

    /**
     * Runs the work in a write transaction and returns its result once it is committed to disk.
     * Runtime exceptions thrown by the work come back to the caller unchanged, after the work was rolled back.
     */
    public <T> T write(Function<Handle, T> work) {
        if (!running) {
            throw new IllegalStateException("The database writer is closed");
        }
        Unit<T> unit = new Unit<>(work, new CompletableFuture<>());
        queue.add(unit);
        try {
            return unit.result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the database", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("Database write failed", e.getCause());
        }
    }

    /** The writer's DAO of this type; only for use inside a unit of work, on the writer's thread. */
    <E> E attached(Class<E> dao) {
        return dao.cast(attached.computeIfAbsent(dao, handle::attach));
    }

    private void loop() {
        List<Unit<?>> batch = new ArrayList<>(MAX_BATCH);
        while (running || !queue.isEmpty()) {
            try {
                Unit<?> first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                runBatch(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "Database writer failed a batch", e);
                batch.forEach(unit -> unit.result.completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
        queue.forEach(unit -> unit.result.completeExceptionally(new IllegalStateException("Database writer closed")));
    }

    private void runBatch(List<Unit<?>> batch) {
        List<Object> results = new ArrayList<>(batch.size());
        List<RuntimeException> failures = new ArrayList<>(batch.size());
        // The writer's connection begins transactions as IMMEDIATE (see Database), so the write lock is taken here,
        // and Jdbi knows a transaction is open (SQL Object batches then join it instead of starting their own).
        handle.begin();
        try {
            for (Unit<?> unit : batch) {
                // Plain SQL savepoints: Jdbi's own savepoint bookkeeping does not allow a release after a rollback-to.
                handle.execute("SAVEPOINT unit");
                try {
                    results.add(unit.work.apply(handle));
                    failures.add(null);
                    handle.execute("RELEASE unit");
                } catch (RuntimeException e) {
                    handle.execute("ROLLBACK TO unit");
                    handle.execute("RELEASE unit");
                    results.add(null);
                    failures.add(e);
                }
            }
            handle.commit();
        } catch (RuntimeException e) {
            rollbackQuietly();
            throw e;
        }
        for (int i = 0; i < batch.size(); i++) {
            complete(batch.get(i), results.get(i), failures.get(i));
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> void complete(Unit<T> unit, Object result, RuntimeException failure) {
        if (failure != null) {
            unit.result.completeExceptionally(failure);
        } else {
            unit.result.complete((T) result);
        }
    }

    private void rollbackQuietly() {
        try {
            handle.rollback();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Rollback after a failed batch failed too", e);
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        handle.close();
    }

    private record Unit<T>(Function<Handle, T> work, CompletableFuture<T> result) {
    }
}
