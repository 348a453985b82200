package nl.flexplek.sim;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Asks a run to stop (Ctrl-C, the end of {@code --duration}, a test); waiting on it doubles as an interruptible pause. */
public final class StopSignal {
    private final CountDownLatch latch = new CountDownLatch(1);

    public void request() {
        latch.countDown();
    }

    public boolean requested() {
        return latch.getCount() == 0;
    }

    /** Waits up to {@code timeout}; true when a stop was requested (or the thread was interrupted). */
    public boolean await(Duration timeout) {
        try {
            return latch.await(Math.max(0, timeout.toNanos()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }
}
