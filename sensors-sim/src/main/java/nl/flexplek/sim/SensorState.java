package nl.flexplek.sim;

/**
 * What a sensor says in one message. A heartbeat is a periodic report with nothing new; the native format sends only
 * the battery then, device formats that always report their state (a Milesight WS202) send the state again.
 */
public sealed interface SensorState {

    /** Someone is at the desk, or not. {@code battery} in percent, null when unknown. */
    record Presence(boolean occupied, Integer battery) implements SensorState {
    }

    /** A presence sensor's periodic "still alive" report. */
    record Heartbeat(boolean occupied, Integer battery) implements SensorState {
    }

    /**
     * People in a room. {@code enteredToday} is the counter line's running total of people in, reset at midnight as
     * counters are commonly configured; people out is then {@code enteredToday - count}.
     */
    record PeopleCount(int count, int enteredToday) implements SensorState {
        public PeopleCount {
            if (count < 0 || enteredToday < count) {
                throw new IllegalArgumentException("a count is never negative and never more than came in");
            }
        }
    }

    /** A pool vehicle: at its spot or not, plugged in or not, state of charge in percent, odometer (may be null). */
    record Vehicle(boolean present, boolean plugged, int soc, Double odometerKm) implements SensorState {
    }
}
