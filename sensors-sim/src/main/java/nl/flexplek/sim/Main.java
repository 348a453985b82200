package nl.flexplek.sim;

import java.io.IOException;
import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.LogManager;

/**
 * The command line: parses the options, then runs the working-day {@link Simulator} or the {@link LoadGenerator}.
 * Ctrl-C stops either cleanly: the shutdown hook asks the run to stop and waits for it to disconnect.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        // Before anything creates a logger (a -Djava.util.logging... setting wins): one line per record, and a log
        // manager that keeps logging through Ctrl-C so the run's last words are not lost.
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tT %4$s %5$s%6$s%n");
        }
        if (System.getProperty("java.util.logging.manager") == null) {
            System.setProperty("java.util.logging.manager", LoggingThroughShutdown.class.getName());
        }
        StopSignal stop = new StopSignal();
        CountDownLatch finished = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.request();
            try {
                finished.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "sensors-sim-shutdown"));
        int code;
        try {
            code = run(args, System.out, System.err, stop);
        } finally {
            finished.countDown();
        }
        System.exit(code);
    }

    /**
     * The JDK's log manager closes every handler in its own shutdown hook, while ours is still letting the run
     * disconnect and log its summary: this one ignores that reset. Console handlers flush every record, so nothing
     * is left unwritten.
     */
    public static final class LoggingThroughShutdown extends LogManager {
        @Override
        public void reset() {
            // Nothing to reset at start-up, and nothing should be at shutdown.
        }
    }

    /** Runs the program with these arguments until done or stopped; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err, StopSignal stop) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (Options.HelpRequested help) {
            out.print(Options.USAGE);
            return 0;
        } catch (Options.BadArguments e) {
            err.println("flexplek-sensors-sim: " + e.getMessage());
            err.println();
            err.print(Options.USAGE);
            return 2;
        }
        EstateSource source = options.estateFile()
                .map(EstateSource::file)
                .orElseGet(() -> EstateSource.api(options.api(), options.user(), options.password(), stop));
        if (!options.loadMode()) {
            return new Simulator(options, source, stop).run();
        }
        Estate estate;
        try {
            estate = source.estate();
        } catch (IOException e) {
            if (stop.requested()) {
                return 0;
            }
            err.println("flexplek-sensors-sim: no estate from the " + source.describe() + ": " + e.getMessage());
            return 1;
        }
        LoadGenerator.Result result = new LoadGenerator(options, estate, stop).run();
        if (result == null) {
            return stop.requested() ? 0 : 1;
        }
        out.println(result.describe(options.format()));
        if (result.rate() < result.target() * 0.95 && !stop.requested()) {
            out.println("The target rate was not reached: try more --clients, or fewer messages per second.");
        }
        return 0;
    }
}
