package nl.flexplek.server;

import java.time.Duration;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import io.helidon.config.Config;
import nl.flexplek.server.booking.BookingPolicy;
import nl.flexplek.server.booking.BookingSettings;
import nl.flexplek.server.common.DatabaseSettings;
import nl.flexplek.server.estate.ResourceType;
import nl.flexplek.server.identity.IdentitySettings;

/**
 * Everything the server is configured with, read once from {@code application.yaml} and the environment
 * ({@code FLEXPLEK_DATABASE_URL} overrides {@code flexplek.database.url}, and so on). Services get their own part.
 */
public record Settings(DatabaseSettings database, boolean demo, int demoHistoryWeeks, Optional<String> estateFile,
                       IdentitySettings identity, BookingSettings booking) {

    public static Settings from(Config config) {
        Config flexplek = config.get("flexplek");
        DatabaseSettings database = new DatabaseSettings(
                flexplek.get("database.url").asString().orElse("jdbc:sqlite:data/flexplek.db"),
                flexplek.get("database.read-connections").asInt().orElse(4));
        IdentitySettings identity = new IdentitySettings(
                duration(flexplek.get("identity.session-lifetime"), Duration.ofHours(12)),
                duration(flexplek.get("identity.kiosk-session-lifetime"), Duration.ofDays(365)));
        Config booking = flexplek.get("booking");
        Map<ResourceType, BookingPolicy> policies = new EnumMap<>(ResourceType.class);
        for (ResourceType type : ResourceType.values()) {
            Config p = booking.get("policies." + type.code());
            policies.put(type, new BookingPolicy(type,
                    required(p, "max-days-ahead"), required(p, "max-duration-minutes"),
                    required(p, "max-upcoming-per-person"), required(p, "turnaround-minutes"),
                    required(p, "check-in-opens-minutes"), required(p, "grace-minutes")));
        }
        BookingSettings bookingSettings = new BookingSettings(policies,
                LocalTime.parse(booking.get("midday").asString().orElse("13:00")),
                booking.get("room-grid-minutes").asInt().orElse(15));
        return new Settings(database,
                flexplek.get("demo").asBoolean().orElse(false),
                flexplek.get("demo-history-weeks").asInt().orElse(8),
                flexplek.get("estate-file").asString().asOptional().filter(s -> !s.isBlank()),
                identity, bookingSettings);
    }

    private static int required(Config node, String key) {
        return node.get(key).asInt().orElseThrow(() -> new IllegalArgumentException(node.key() + "." + key + " is missing"));
    }

    private static Duration duration(Config node, Duration fallback) {
        return node.asString().map(Duration::parse).orElse(fallback);
    }
}
