package nl.flexplek.server;

import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Logger;
import java.util.regex.Pattern;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;

/**
 * The server's configuration: system properties, then environment variables, then {@code application.yaml}, which
 * holds every setting with its default. Each key of {@code application.yaml} has the environment variable a person
 * would guess: upper case, with {@code _} for both {@code .} and {@code -} ({@code FLEXPLEK_CALENDAR_FEED_KEY} sets
 * {@code flexplek.calendar.feed-key}). Helidon cannot tell {@code .} from {@code -} in such a name, so the keys in
 * {@code application.yaml} decide; Helidon's {@code _dash_} spelling still works, with a warning naming the new one.
 */
public final class EnvironmentSettings {
    private static final Logger LOG = Logger.getLogger(EnvironmentSettings.class.getName());
    private static final String DEFAULTS = "application.yaml";
    private static final Pattern DASH = Pattern.compile("_dash_", Pattern.CASE_INSENSITIVE);
    private static final String OURS = "FLEXPLEK_";
    /** Names Helidon's spelling turns into a key without empty parts (not {@code _} or {@code A__B}). */
    private static final Pattern HELIDON_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]*(_[A-Za-z0-9]+)*");

    private final Map<String, String> keyByVariable;

    private EnvironmentSettings(Map<String, String> keyByVariable) {
        this.keyByVariable = keyByVariable;
    }

    /** The configuration Flexplek runs with, read from this process's environment. */
    public static Config config() {
        return config(System.getenv());
    }

    /** The configuration Flexplek runs with, with {@code environment} standing in for the process's environment. */
    public static Config config(Map<String, String> environment) {
        return Config.just(ConfigSources.systemProperties(),
                ConfigSources.create(fromDefaults().keys(environment)),
                ConfigSources.classpath(DEFAULTS));
    }

    /** The table of environment variables, one per key of {@code application.yaml}. */
    static EnvironmentSettings fromDefaults() {
        Map<String, String> table = new TreeMap<>();
        Config.just(ConfigSources.classpath(DEFAULTS)).traverse().filter(Config::isLeaf).forEach(node -> {
            String key = node.key().toString();
            String previous = table.put(variableFor(key), key);
            if (previous != null) {
                throw new IllegalStateException(DEFAULTS + " has two keys with the environment variable "
                        + variableFor(key) + ": " + previous + " and " + key);
            }
        });
        return new EnvironmentSettings(Collections.unmodifiableMap(table));
    }

    /** The environment variable of a configuration key: {@code flexplek.mqtt.shared-group} is FLEXPLEK_MQTT_SHARED_GROUP. */
    static String variableFor(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** Environment variable to configuration key, for every key of {@code application.yaml}. */
    Map<String, String> keyByVariable() {
        return keyByVariable;
    }

    /**
     * The configuration keys and values the environment sets. Only names are logged, never values: some are secrets.
     */
    Map<String, String> keys(Map<String, String> environment) {
        Map<String, String> keys = new HashMap<>();
        environment.forEach((name, value) -> {
            String key = keyByVariable.get(name);
            if (key != null) {
                keys.put(key, value);
                return;
            }
            String guessable = DASH.matcher(name).replaceAll("_").toUpperCase(Locale.ROOT);
            key = keyByVariable.get(guessable);
            if (key != null) {
                if (environment.containsKey(guessable)) {
                    LOG.warning(name + " is ignored: " + guessable + " is set too, and " + name
                            + " is a deprecated spelling of it.");
                } else {
                    LOG.warning(name + " is a deprecated spelling: use " + guessable + " (sets " + key + ").");
                    keys.put(key, value);
                }
            } else if (!name.startsWith(OURS) && HELIDON_NAME.matcher(name).matches()) {
                // Keys that are not ours (Helidon's own) keep Helidon's spelling: '_' is '.', _dash_ is '-'.
                keys.putIfAbsent(DASH.matcher(name).replaceAll("-").replace('_', '.').toLowerCase(Locale.ROOT), value);
            }
        });
        return keys;
    }
}
