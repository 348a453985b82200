/**
 * Booking desks (by local day part), rooms (15-minute slots) and e-vehicles (trips with a turnaround after):
 * the booking policies per resource type, the use cases book, cancel, check in and list, availability search (with
 * vehicles' charge from a {@link nl.flexplek.server.booking.VehicleCharge} given at start-up) and the alternatives a
 * refusal offers, idempotent retries and the hourly purge of old idempotency keys, wired by {@code BookingFeature}.
 * Depends on {@code estate}, {@code identity} and
 * {@code common}.
 */
package nl.flexplek.server.booking;
