package nl.flexplek.server.identity;

/** A device account and its bearer token; the token exists only in this answer and on the device. */
public record DeviceToken(long accountId, String token) {
}
