package nl.flexplek.server.common;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one place scheduled work runs: features declare their jobs while they are built, and the jobs start once the
 * server listens. Jobs run one after another on a single virtual thread; a failing job is logged and runs again at
 * its next time, so one broken job never stops the others.
 */
public final class Scheduler implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Scheduler.class.getName());

    private record Job(String name, Duration firstAfter, Duration interval, Runnable work) {
    }

    private final List<Job> jobs = new ArrayList<>();
    private ScheduledExecutorService executor;

    /** Runs {@code work} every {@code interval}, the first time one interval after the start. */
    public void every(Duration interval, String name, Runnable work) {
        every(interval, interval, name, work);
    }

    /** Runs {@code work} every {@code interval}, the first time {@code firstAfter} after the start. */
    public synchronized void every(Duration interval, Duration firstAfter, String name, Runnable work) {
        if (executor != null) {
            throw new IllegalStateException("The scheduler has started; declare '" + name + "' while building the features");
        }
        jobs.add(new Job(name, firstAfter, interval, work));
    }

    /** Starts every declared job. */
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("flexplek-scheduler").factory());
        for (Job job : jobs) {
            executor.scheduleWithFixedDelay(() -> run(job), job.firstAfter().toMillis(), job.interval().toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    private static void run(Job job) {
        try {
            job.work().run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Scheduled job '" + job.name() + "' failed; it runs again in " + job.interval(), e);
        }
    }

    @Override
    public synchronized void close() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
