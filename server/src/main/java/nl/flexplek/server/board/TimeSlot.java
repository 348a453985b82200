package nl.flexplek.server.board;

import java.time.Instant;

/** A booked interval, without who or what. */
public record TimeSlot(Instant start, Instant end) {
}
