package nl.flexplek.server.insights;

import java.time.Duration;

/**
 * How long personal booking data is kept before it is anonymised, and the smallest group open data may show a
 * figure for.
 */
public record InsightsSettings(Duration retention, int openDataMinGroup) {
    public InsightsSettings {
        if (retention == null || retention.compareTo(Duration.ofDays(1)) < 0) {
            throw new IllegalArgumentException("flexplek.insights.retention must be at least P1D");
        }
        if (openDataMinGroup < 1) {
            throw new IllegalArgumentException("flexplek.insights.open-data-min-group must be at least 1");
        }
    }
}
