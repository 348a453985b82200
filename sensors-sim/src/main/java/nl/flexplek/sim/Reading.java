package nl.flexplek.sim;

import java.time.Instant;

/** One message's content before encoding: which device, what it says, and the real time it says it at. */
public record Reading(Device device, SensorState state, Instant ts) {
}
