package nl.flexplek.sim;

import java.time.Instant;

/**
 * A state the behaviour model wants a sensor to report, at a simulated instant. The simulator stamps it with the
 * real time when it publishes it, because the server only accepts timestamps near its own clock.
 */
public record Update(Device device, SensorState state, Instant simulatedAt) {
}
