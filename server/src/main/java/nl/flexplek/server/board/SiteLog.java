package nl.flexplek.server.board;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The recent events of one site in a ring buffer. Every open stream of the site reads from this one log with its
 * own cursor, so an open stream costs a cursor and a waiting virtual thread, not a queue. A cursor that fell
 * out of the buffer is told to reset.
 */
final class SiteLog {
    private final BoardEvent[] ring;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private long last;
    private boolean closed;

    SiteLog(int capacity) {
        this.ring = new BoardEvent[capacity];
    }

    /** What a stream gets when it asks for events after its cursor. */
    record Batch(List<BoardEvent> events, boolean reset, boolean closed, long last) {
    }

    void append(String name, String data) {
        lock.lock();
        try {
            last++;
            ring[(int) (last % ring.length)] = new BoardEvent(last, name, data);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    long last() {
        lock.lock();
        try {
            return last;
        } finally {
            lock.unlock();
        }
    }

    /** Whether events after {@code cursor} can still be replayed. */
    boolean canResume(long cursor) {
        lock.lock();
        try {
            return cursor <= last && last - cursor <= ring.length;
        } finally {
            lock.unlock();
        }
    }

    /** The events after {@code cursor}, waiting up to {@code timeout} for one to come; empty on timeout. */
    Batch after(long cursor, Duration timeout) throws InterruptedException {
        lock.lock();
        try {
            long nanos = timeout.toNanos();
            while (last == cursor && !closed && nanos > 0) {
                nanos = changed.awaitNanos(nanos);
            }
            if (closed) {
                return new Batch(List.of(), false, true, last);
            }
            if (cursor > last || last - cursor > ring.length) {
                return new Batch(List.of(), true, false, last);
            }
            List<BoardEvent> events = new ArrayList<>((int) (last - cursor));
            for (long seq = cursor + 1; seq <= last; seq++) {
                events.add(ring[(int) (seq % ring.length)]);
            }
            return new Batch(events, false, false, last);
        } finally {
            lock.unlock();
        }
    }

    void close() {
        lock.lock();
        try {
            closed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
