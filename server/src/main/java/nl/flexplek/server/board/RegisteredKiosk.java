package nl.flexplek.server.board;

import java.time.Instant;

/**
 * The answer to a registration: the kiosk, its token (shown only this once) and the URL to open on the screen.
 */
public record RegisteredKiosk(long id, String siteId, String name, String language, Instant createdAt,
                              Instant lastSeenAt, Instant revokedAt, String token, String url) {
}
