package nl.flexplek.server.board;

import java.time.Instant;

/** A registered kiosk screen as managers see it; never its token. */
public record Kiosk(long id, String siteId, String name, String language, Instant createdAt, Instant lastSeenAt,
                    Instant revokedAt) {
}
