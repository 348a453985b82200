package nl.flexplek.server.occupancy;

import java.time.Duration;
import java.time.Instant;

/**
 * Debounced presence at one resource. A PIR sees motion only now and then, so a resource stays occupied for a hold
 * time after the last "occupied" report. A run of presence starts with the first report and ends when the hold time
 * passes without one; "sustained" means the run has lasted long enough, which one blip never does.
 * Used only on the occupancy worker thread.
 */
final class Presence {
    private Instant runStart;
    private Instant lastOccupied;
    private Instant lastReport;
    private boolean reported;

    void report(boolean occupied, Instant at, Duration hold) {
        if (lastReport != null && at.isBefore(lastReport)) {
            return; // out of order: a newer report already decided
        }
        endRunIfOver(at, hold);
        lastReport = at;
        reported = occupied;
        if (occupied) {
            if (runStart == null) {
                runStart = at;
            }
            lastOccupied = at;
        }
    }

    boolean occupied(Instant now, Duration hold) {
        endRunIfOver(now, hold);
        return runStart != null;
    }

    /** Occupied without a break for at least {@code needed}, and still reporting presence or reported again since. */
    boolean sustained(Instant now, Duration hold, Duration needed) {
        if (!occupied(now, hold)) {
            return false;
        }
        Instant end = reported ? now : lastOccupied;
        return Duration.between(runStart, end).compareTo(needed) >= 0;
    }

    /** When presence was last seen, or null when never. */
    Instant lastOccupied() {
        return lastOccupied;
    }

    private void endRunIfOver(Instant now, Duration hold) {
        if (runStart != null && !reported && !now.isBefore(lastOccupied.plus(hold))) {
            runStart = null;
        }
    }
}
