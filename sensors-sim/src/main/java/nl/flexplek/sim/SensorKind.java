package nl.flexplek.sim;

/** What a sensor measures: someone at a desk, how many people are in a room, or a vehicle's state. */
public enum SensorKind {
    PRESENCE, COUNTER, VEHICLE
}
