package nl.flexplek.server;

import java.time.Clock;

import io.helidon.logging.common.LogConfig;

/** Starts Flexplek: reads the configuration (application.yaml, then environment variables) and runs the server. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        LogConfig.configureRuntime();
        App app = App.start(EnvironmentSettings.config(), Clock.systemUTC());
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "flexplek-shutdown"));
    }
}
