package nl.flexplek.server.board;

import java.time.Duration;

/**
 * How board streams behave: the heartbeat interval, how many events per site a resuming stream can catch up on,
 * and how long a registered kiosk's token lives unless revoked.
 */
public record BoardSettings(Duration heartbeat, int eventsPerSite, Duration kioskTokenLifetime) {
}
