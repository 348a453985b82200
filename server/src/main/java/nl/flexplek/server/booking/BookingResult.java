package nl.flexplek.server.booking;

/** The answer to a create: the booking, and whether it was made earlier by the same Idempotency-Key. */
public record BookingResult(BookingView booking, boolean replayed, Booking stored) {
}
