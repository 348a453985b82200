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
 * ({@code FLEXPLEK_DATABASE_URL} overrides {@code flexplek.database.url}, and so on). Services get their own part.
 */
public record Settings(DatabaseSettings database, boolean demo, int demoHistoryWeeks, Optional<String> estateFile,
                       IdentitySettings identity, BookingSettings booking, MqttSettings mqtt,
                       Optional<String> mqttSharedGroup, OccupancySettings occupancy, CalendarSettings calendar,
                       BoardSettings board, InsightsSettings insights) {

    /** Where people reach this server from outside (validated, without a trailing slash), if configured. */
    public Optional<String> publicUrl() {
        return calendar.publicUrl();
    }

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
                booking.get("room-grid-minutes").asInt().orElse(15),
                LocalTime.parse(booking.get("desk-grace-from").asString().orElse("09:00")));
        Config mqtt = flexplek.get("mqtt");
        MqttSettings mqttSettings = new MqttSettings(text(mqtt.get("url")), text(mqtt.get("username")),
                text(mqtt.get("password")),
                text(mqtt.get("client-id")).orElse("flexplek-" + Long.toHexString(ProcessHandle.current().pid())
                        + "-" + Integer.toHexString(new java.security.SecureRandom().nextInt(0x10000))),
                mqtt.get("embedded.host").asString().orElse("127.0.0.1"),
                mqtt.get("embedded.port").asInt().orElse(1883));
        Config occ = flexplek.get("occupancy");
        Map<ResourceType, Duration> hold = new EnumMap<>(ResourceType.class);
        Map<ResourceType, Duration> checkInAfter = new EnumMap<>(ResourceType.class);
        for (ResourceType type : List.of(ResourceType.DESK, ResourceType.ROOM)) {
            hold.put(type, duration(occ.get("presence-hold." + type.code()), Duration.ofMinutes(type == ResourceType.DESK ? 15 : 5)));
            checkInAfter.put(type, duration(occ.get("check-in-after." + type.code()), Duration.ofMinutes(type == ResourceType.DESK ? 5 : 2)));
        }
        Map<SensorKind, Duration> offline = new EnumMap<>(SensorKind.class);
        for (SensorKind kind : SensorKind.values()) {
            offline.put(kind, duration(occ.get("offline-after." + kind.code()), Duration.ofHours(1)));
        }
        Map<ResourceType, Integer> chargePerHour = new EnumMap<>(ResourceType.class);
        chargePerHour.put(ResourceType.EBIKE, occ.get("charge-percent-per-hour.ebike").asInt().orElse(20));
        chargePerHour.put(ResourceType.ECAR, occ.get("charge-percent-per-hour.ecar").asInt().orElse(10));
        OccupancySettings occupancy = new OccupancySettings(hold, checkInAfter, offline,
                occ.get("low-battery-percent").asInt().orElse(20),
                occ.get("early-release").asBoolean().orElse(true),
                duration(occ.get("early-release-after"), Duration.ofHours(2)),
                duration(occ.get("tick-interval"), Duration.ofSeconds(15)),
                chargePerHour);
        CalendarSettings calendar = new CalendarSettings(
                // FLEXPLEK_PUBLIC_URL reaches Helidon as flexplek.public.url (only _dash_ makes a '-'); both work.
                text(flexplek.get("public-url")).or(() -> text(flexplek.get("public.url"))),
                text(flexplek.get("calendar.feed-key")),
                flexplek.get("calendar.past-days").asInt().orElse(30));
        InsightsSettings insights = new InsightsSettings(
                duration(flexplek.get("insights.retention"), Duration.ofDays(90)),
                flexplek.get("insights.open-data-min-group").asInt().orElse(5));
        return new Settings(database,
                flexplek.get("demo").asBoolean().orElse(false),
                flexplek.get("demo-history-weeks").asInt().orElse(8),
                text(flexplek.get("estate-file")),
                identity, bookingSettings, mqttSettings, text(mqtt.get("shared-group")), occupancy, calendar,
                new BoardSettings(duration(flexplek.get("board.heartbeat"), Duration.ofSeconds(15)),
                        flexplek.get("board.events-per-site").asInt().orElse(1024),
                        duration(flexplek.get("board.kiosk-token-lifetime"), Duration.ofDays(3650))),
                insights);    }

    private static Optional<String> text(Config node) {
        return node.asString().asOptional().map(String::trim).filter(s -> !s.isEmpty());
    }

    private static int required(Config node, String key) {
        return node.get(key).asInt().orElseThrow(() -> new IllegalArgumentException(node.key() + "." + key + " is missing"));
    }

    private static Duration duration(Config node, Duration fallback) {
        return node.asString().map(Duration::parse).orElse(fallback);
    }
}
