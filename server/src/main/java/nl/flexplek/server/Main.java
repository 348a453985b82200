package nl.flexplek.server;

import java.time.Clock;
import java.util.logging.Logger;

import io.helidon.logging.common.LogConfig;

/**
 * Starts Flexplek: reads the configuration (application.yaml, then environment variables) and runs the server. When
 * the server cannot start (a port is taken, the database cannot be opened) it says why in one line and exits with 1.
 */
public final class Main {
    private static final Logger LOG = Logger.getLogger(Main.class.getName());

    private Main() {
    }

    public static void main(String[] args) {
        LogConfig.configureRuntime();
        App app;
        try {
            app = App.start(EnvironmentSettings.config(), Clock.systemUTC());
        } catch (RuntimeException e) {
            LOG.severe("Flexplek did not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "flexplek-shutdown"));
    }
}
