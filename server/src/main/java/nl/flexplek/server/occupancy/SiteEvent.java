package nl.flexplek.server.occupancy;

import java.time.Instant;

/**
 * Something changed at a site that screens should show: for now, a resource's live state. {@code id} grows by one
 * with every event of the server, so a stream can resume after the last one it saw.
 */
public record SiteEvent(long id, String siteId, String type, Instant at, LiveState resource) {
}
