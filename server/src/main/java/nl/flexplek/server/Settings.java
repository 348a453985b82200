package nl.flexplek.server;

import java.time.Duration;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.helidon.config.Config;
import nl.flexplek.server.board.BoardSettings;
import nl.flexplek.server.booking.BookingPolicy;
import nl.flexplek.server.booking.BookingSettings;
import nl.flexplek.server.calendar.CalendarSettings;
import nl.flexplek.server.common.DatabaseSettings;
import nl.flexplek.server.estate.ResourceType;
import nl.flexplek.server.identity.IdentitySettings;
import nl.flexplek.server.insights.InsightsSettings;
import nl.flexplek.server.occupancy.MqttSettings;
import nl.flexplek.server.occupancy.OccupancySettings;
import nl.flexplek.server.occupancy.SensorKind;

/**
 * Everything the server is configured with, read once from {@code application.yaml} and the environment
 * ({@code FLEXPLEK_CALENDAR_FEED_KEY} overrides {@code flexplek.calendar.feed-key}: see {@link EnvironmentSettings}).
 * Services get their own part.
 */
public record Settings(DatabaseSettings database, boolean demo, int demoHistoryWeeks, Optional<String> estateFile,
                       IdentitySettings identity, BookingSettings booking, MqttSettings mqtt,
                       Optional<String> mqttSharedGroup, OccupancySettings occupancy, CalendarSettings calendar,
                       BoardSettings board, InsightsSettings insights) {

    /** Where people reach this server from outside (validated, without a trailing slash), if configured. */
    public Optional<String> publicUrl() {
        return calendar.publicUrl();
    }

    /**
     * Reads the settings. Every key must be present: {@code application.yaml} holds each one with its default, so a
     * missing key is a mistake, and the error names it. An empty value means unset where a setting is optional.
     */
    public static Settings from(Config config) {
        Config flexplek = config.get("flexplek");
        DatabaseSettings database = new DatabaseSettings(
                string(flexplek, "database.url"),
                integer(flexplek, "database.read-connections"));
        IdentitySettings identity = new IdentitySettings(
                duration(flexplek, "identity.session-lifetime"),
                duration(flexplek, "identity.kiosk-session-lifetime"));
        Config booking = flexplek.get("booking");
        Map<ResourceType, BookingPolicy> policies = new EnumMap<>(ResourceType.class);
        for (ResourceType type : ResourceType.values()) {
            Config p = booking.get("policies." + type.code());
            policies.put(type, new BookingPolicy(type,
                    integer(p, "max-days-ahead"), integer(p, "max-duration-minutes"),
                    integer(p, "max-upcoming-per-person"), integer(p, "turnaround-minutes"),
                    integer(p, "check-in-opens-minutes"), integer(p, "grace-minutes")));
        }
        BookingSettings bookingSettings = new BookingSettings(policies,
                LocalTime.parse(string(booking, "midday")),
                integer(booking, "room-grid-minutes"),
                LocalTime.parse(string(booking, "desk-grace-from")));
        Config mqtt = flexplek.get("mqtt");
        MqttSettings mqttSettings = new MqttSettings(optional(mqtt, "url"), optional(mqtt, "username"),
                optional(mqtt, "password"),
                optional(mqtt, "client-id").orElseGet(() -> "flexplek-" + Long.toHexString(ProcessHandle.current().pid())
                        + "-" + Integer.toHexString(new java.security.SecureRandom().nextInt(0x10000))),
                string(mqtt, "embedded.host"),
                integer(mqtt, "embedded.port"));
        Config occ = flexplek.get("occupancy");
        Map<ResourceType, Duration> hold = new EnumMap<>(ResourceType.class);
        Map<ResourceType, Duration> checkInAfter = new EnumMap<>(ResourceType.class);
        for (ResourceType type : ResourceType.values()) {
            hold.put(type, duration(occ, "presence-hold." + type.code()));
            checkInAfter.put(type, duration(occ, "check-in-after." + type.code()));
        }
        Map<SensorKind, Duration> offline = new EnumMap<>(SensorKind.class);
        for (SensorKind kind : SensorKind.values()) {
            offline.put(kind, duration(occ, "offline-after." + kind.code()));
        }
        Map<ResourceType, Integer> chargePerHour = new EnumMap<>(ResourceType.class);
        for (ResourceType type : List.of(ResourceType.EBIKE, ResourceType.ECAR)) {
            chargePerHour.put(type, integer(occ, "charge-percent-per-hour." + type.code()));
        }
        OccupancySettings occupancy = new OccupancySettings(hold, checkInAfter, offline,
                integer(occ, "low-battery-percent"),
                bool(occ, "early-release"),
                duration(occ, "early-release-after"),
                duration(occ, "tick-interval"),
                chargePerHour);
        CalendarSettings calendar = new CalendarSettings(
                optional(flexplek, "public-url"),
                optional(flexplek, "calendar.feed-key"),
                integer(flexplek, "calendar.past-days"));
        InsightsSettings insights = new InsightsSettings(
                duration(flexplek, "insights.retention"),
                integer(flexplek, "insights.open-data-min-group"));
        return new Settings(database,
                bool(flexplek, "demo"),
                integer(flexplek, "demo-history-weeks"),
                optional(flexplek, "estate-file"),
                identity, bookingSettings, mqttSettings, optional(mqtt, "shared-group"), occupancy, calendar,
                new BoardSettings(duration(flexplek, "board.heartbeat"),
                        integer(flexplek, "board.events-per-site"),
                        duration(flexplek, "board.kiosk-token-lifetime")),
                insights);
    }

    private static Config present(Config parent, String key) {
        Config node = parent.get(key);
        if (!node.exists()) {
            throw new IllegalArgumentException(node.key() + " is missing: application.yaml holds every setting");
        }
        return node;
    }

    private static String string(Config parent, String key) {
        return present(parent, key).asString().get();
    }

    /** A setting that may be unset: present, with an empty value for unset. */
    private static Optional<String> optional(Config parent, String key) {
        return present(parent, key).asString().asOptional().map(String::trim).filter(s -> !s.isEmpty());
    }

    private static int integer(Config parent, String key) {
        return present(parent, key).asInt().get();
    }

    private static boolean bool(Config parent, String key) {
        return present(parent, key).asBoolean().get();
    }

    private static Duration duration(Config parent, String key) {
        return Duration.parse(string(parent, key));
    }
}
