package nl.flexplek.server;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import nl.flexplek.server.occupancy.SensorKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every setting has one default, in application.yaml, and an environment variable a person would guess. */
class EnvironmentSettingsTest {
    private static final String FEED_KEY = "a-feed-key-that-is-long-enough-0123456789";
    private static final Logger LOG = Logger.getLogger(EnvironmentSettings.class.getName());
    private final List<LogRecord> logged = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureLog() {
        LOG.addHandler(capture);
    }

    @AfterEach
    void stopCapturing() {
        LOG.removeHandler(capture);
    }

    @Test
    void guessableVariables_setKeysWithDashes() {
        Settings settings = Settings.from(EnvironmentSettings.config(Map.of(
                "FLEXPLEK_CALENDAR_FEED_KEY", FEED_KEY,
                "FLEXPLEK_MQTT_SHARED_GROUP", "flexplek",
                "FLEXPLEK_DEMO_HISTORY_WEEKS", "3",
                "FLEXPLEK_OCCUPANCY_OFFLINE_AFTER_VEHICLE", "PT3H",
                "FLEXPLEK_BOOKING_POLICIES_ECAR_GRACE_MINUTES", "25")));

        assertEquals(FEED_KEY, settings.calendar().feedKey().orElseThrow());
        assertEquals("flexplek", settings.mqttSharedGroup().orElseThrow());
        assertEquals(3, settings.demoHistoryWeeks());
        assertEquals(Duration.ofHours(3), settings.occupancy().offlineAfter().get(SensorKind.VEHICLE));
        assertEquals(25, settings.booking().defaultPolicies().get(nl.flexplek.server.estate.ResourceType.ECAR).graceMinutes());
        assertTrue(logged.isEmpty(), "no warnings for guessable names");
    }

    @Test
    void helidonsDashSpelling_stillWorks_withAWarningNamingTheNewSpellingButNeverTheValue() {
        Settings settings = Settings.from(EnvironmentSettings.config(Map.of(
                "FLEXPLEK_CALENDAR_FEED_dash_KEY", FEED_KEY)));

        assertEquals(FEED_KEY, settings.calendar().feedKey().orElseThrow());
        assertEquals(1, logged.size());
        LogRecord warning = logged.getFirst();
        assertEquals(Level.WARNING, warning.getLevel());
        assertTrue(warning.getMessage().contains("FLEXPLEK_CALENDAR_FEED_dash_KEY"), warning.getMessage());
        assertTrue(warning.getMessage().contains("FLEXPLEK_CALENDAR_FEED_KEY"), warning.getMessage());
        assertFalse(warning.getMessage().contains(FEED_KEY), "a secret's value is never logged");
    }

    @Test
    void guessableSpelling_wins_whenTheDashSpellingIsSetToo() {
        Settings settings = Settings.from(EnvironmentSettings.config(Map.of(
                "FLEXPLEK_MQTT_SHARED_GROUP", "new",
                "FLEXPLEK_MQTT_SHARED_dash_GROUP", "old")));

        assertEquals("new", settings.mqttSharedGroup().orElseThrow());
        assertEquals(1, logged.size());
        assertTrue(logged.getFirst().getMessage().contains("FLEXPLEK_MQTT_SHARED_dash_GROUP is ignored"));
        assertFalse(logged.getFirst().getMessage().contains("old"));
    }

    @Test
    void otherVariables_keepHelidonsSpelling_andOddNamesAreIgnored() {
        Config config = EnvironmentSettings.config(Map.of(
                "SERVER_FEATURES_PRINT_dash_DETAILS", "true",
                "_", "/usr/bin/env",
                "FLEXPLEK_DEMO", "true",
                "FLEXPLEK_DEMO_DB", "data/demo.db"));

        assertTrue(config.get("server.features.print-details").asBoolean().get());
        assertTrue(Settings.from(config).demo());
        assertTrue(logged.isEmpty());
    }

    @Test
    void withoutEnvironment_theDefaultsAreApplicationYamls() {
        Settings settings = Settings.from(EnvironmentSettings.config(Map.of()));

        // The README and application.yaml say two hours; Settings once said one.
        assertEquals(Duration.ofHours(2), settings.occupancy().offlineAfter().get(SensorKind.VEHICLE));
        assertEquals(Duration.ofHours(1), settings.occupancy().offlineAfter().get(SensorKind.PRESENCE));
        assertFalse(settings.calendar().feedKey().isPresent());
        assertFalse(settings.mqttSharedGroup().isPresent());
        assertFalse(settings.estateFile().isPresent());
        assertTrue(settings.mqtt().embedded());
    }

    @Test
    void startFails_namingTheKey_whenAnyKeyIsMissingFromTheDefaults() {
        Map<String, String> defaults = Config.just(ConfigSources.classpath("application.yaml")).asMap().get();
        List<String> flexplekKeys = defaults.keySet().stream().filter(k -> k.startsWith("flexplek.")).sorted().toList();
        assertTrue(flexplekKeys.size() > 40, "found the keys: " + flexplekKeys);
        for (String key : flexplekKeys) {
            Map<String, String> without = new HashMap<>(defaults);
            without.remove(key);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Settings.from(Config.just(ConfigSources.create(without))), key);
            assertTrue(e.getMessage().contains(key), key + ": " + e.getMessage());
        }
    }

    @Test
    void everyKeyOfTheDefaults_hasItsOwnVariable() {
        Map<String, String> table = EnvironmentSettings.fromDefaults().keyByVariable();

        assertEquals("flexplek.calendar.feed-key", table.get("FLEXPLEK_CALENDAR_FEED_KEY"));
        assertEquals("flexplek.mqtt.shared-group", table.get("FLEXPLEK_MQTT_SHARED_GROUP"));
        assertEquals("server.max-payload-size", table.get("SERVER_MAX_PAYLOAD_SIZE"));
        assertEquals(Config.just(ConfigSources.classpath("application.yaml")).asMap().get().size(), table.size());
    }
}
