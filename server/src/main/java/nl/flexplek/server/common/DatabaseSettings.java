package nl.flexplek.server.common;

/** Where the database is and how many read connections to pool. */
public record DatabaseSettings(String url, int readConnections) {
    public DatabaseSettings {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("flexplek.database.url must be set");
        }
        if (readConnections < 1) {
            throw new IllegalArgumentException("flexplek.database.read-connections must be at least 1");
        }
    }
}
