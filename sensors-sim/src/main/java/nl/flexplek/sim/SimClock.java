package nl.flexplek.sim;

import java.time.Clock;
import java.time.Instant;

/**
 * Simulated time: starts at the real current instant and runs {@code speed} times faster, on the monotonic clock so
 * that a wall-clock adjustment cannot make it jump. The real time stays available, because every message carries it.
 */
final class SimClock {
    private final Clock real;
    private final Instant simStart;
    private final long startNanos;
    private final double speed;

    SimClock(Clock real, double speed) {
        this.real = real;
        this.simStart = real.instant();
        this.startNanos = System.nanoTime();
        this.speed = speed;
    }

    Instant simStart() {
        return simStart;
    }

    Instant simNow() {
        double elapsed = (System.nanoTime() - startNanos) * speed;
        return simStart.plusNanos((long) Math.min(elapsed, Long.MAX_VALUE / 2.0));
    }

    Instant realNow() {
        return real.instant();
    }
}
