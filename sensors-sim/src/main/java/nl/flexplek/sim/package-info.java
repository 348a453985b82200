/**
 * The sensor simulator and load generator: a standalone program that plays an estate's desk, room and vehicle
 * sensors over MQTT. {@link nl.flexplek.sim.EstateSource} reads the estate and the day's bookings (from the server's
 * HTTP API or a file), {@link nl.flexplek.sim.WorkingDay} turns them into a plausible day on a simulated clock,
 * {@link nl.flexplek.sim.Faults} spoils it on request, a {@link nl.flexplek.sim.PayloadFormat} encodes each reading
 * as the native format, a The Things Stack uplink or a ChirpStack event, and {@link nl.flexplek.sim.Publisher} sends
 * it with Paho. {@link nl.flexplek.sim.LoadGenerator} is the benchmark mode. Depends on Paho and Jackson only, never
 * on the server's classes: it talks to the server the way a real sensor network and a real client would.
 */
package nl.flexplek.sim;
