package nl.flexplek.sim;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The command line, parsed by hand (a dozen options do not need a library). {@code --name value} and
 * {@code --name=value} both work. Anything wrong is a {@link BadArguments} whose message says what, printed above
 * the usage text.
 */
public record Options(String broker, String api, String user, String password, Optional<Path> estateFile,
                      double speed, String format, Set<Faults.Fault> faults, Optional<Integer> rate,
                      Optional<Integer> clients, Optional<Duration> duration, long seed) {

    public static final String USAGE = """
            Usage: java -jar flexplek-sensors-sim.jar [options]

            Plays an estate's desk, room and vehicle sensors over MQTT: a realistic working day, or a steady load.

              --broker URL       MQTT broker, tcp:// or ssl://                  (default tcp://127.0.0.1:1883)
              --api URL          Flexplek server, for the estate and bookings   (default http://127.0.0.1:8080)
              --user NAME        facility manager account                       (default manager)
              --password TEXT    its password                                   (default demo)
              --estate FILE      read the estate from a YAML/JSON file instead of the API (no bookings: walk-ins only)
              --speed X          simulated time runs X times faster than real time (default 1); messages always
                                 carry the real time
              --format F         native | ttn | chirpstack                      (default native)
              --faults LIST      comma-separated: silent, low-battery, garbage, flap, broker-loss (default none)
              --seed N           make the day reproducible                      (default: random, printed)
              --duration S       stop after S seconds                           (default: until Ctrl-C)
              --rate N           load generator: N valid messages per second over all sensors, QoS 0
                                 (--duration defaults to 60; faults: garbage, silent, low-battery)
              --clients N        load generator: MQTT connections               (default: one per 10000 msg/s)
              --help             this text

            Exit codes: 0 done, 1 failed (estate or broker unavailable), 2 bad arguments.
            """;

    /** A command line that cannot be run. */
    public static final class BadArguments extends Exception {
        public BadArguments(String message) {
            super(message);
        }
    }

    /** {@code --help} was asked for. */
    public static final class HelpRequested extends Exception {
        public HelpRequested() {
            super("help", null, false, false);
        }
    }

    public boolean loadMode() {
        return rate.isPresent();
    }

    public static Options parse(String... args) throws BadArguments, HelpRequested {
        String broker = "tcp://127.0.0.1:1883";
        String api = "http://127.0.0.1:8080";
        String user = "manager";
        String password = "demo";
        Path estate = null;
        double speed = 1;
        String format = "native";
        Set<Faults.Fault> faults = EnumSet.noneOf(Faults.Fault.class);
        Integer rate = null;
        Integer clients = null;
        Duration duration = null;
        Long seed = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                throw new HelpRequested();
            }
            if (!arg.startsWith("--")) {
                throw new BadArguments("unexpected argument '" + arg + "'");
            }
            String name = arg;
            String value;
            int equals = arg.indexOf('=');
            if (equals > 0) {
                name = arg.substring(0, equals);
                value = arg.substring(equals + 1);
            } else {
                if (i + 1 >= args.length) {
                    throw new BadArguments(name + " needs a value");
                }
                value = args[++i];
            }
            switch (name) {
                case "--broker" -> broker = url(name, value, "tcp://", "ssl://");
                case "--api" -> api = url(name, value, "http://", "https://");
                case "--user" -> user = text(name, value);
                case "--password" -> password = text(name, value);
                case "--estate" -> estate = Path.of(text(name, value));
                case "--speed" -> speed = number(name, value, 0.001, 100_000);
                case "--format" -> format = format(value);
                case "--faults" -> faults = faults(value);
                case "--rate" -> rate = (int) wholeNumber(name, value, 1, 1_000_000);
                case "--clients" -> clients = (int) wholeNumber(name, value, 1, 64);
                case "--duration" -> duration = Duration.ofMillis(Math.round(number(name, value, 0.1, 10_000_000) * 1000));
                case "--seed" -> seed = wholeNumber(name, value, Long.MIN_VALUE, Long.MAX_VALUE);
                default -> throw new BadArguments("unknown option " + name);
            }
        }
        if (rate != null) {
            if (faults.contains(Faults.Fault.FLAP) || faults.contains(Faults.Fault.BROKER_LOSS)) {
                throw new BadArguments("--rate measures a steady load; flap and broker-loss belong to the working-day mode");
            }
            if (duration == null) {
                duration = Duration.ofSeconds(60);
            }
        } else if (clients != null) {
            throw new BadArguments("--clients goes with --rate");
        }
        return new Options(broker, api, user, password, Optional.ofNullable(estate), speed, format, faults,
                Optional.ofNullable(rate), Optional.ofNullable(clients), Optional.ofNullable(duration),
                seed != null ? seed : ThreadLocalRandom.current().nextLong(1, 1_000_000));
    }

    private static String url(String name, String value, String... schemes) throws BadArguments {
        for (String scheme : schemes) {
            if (value.startsWith(scheme) && value.length() > scheme.length()) {
                return value;
            }
        }
        throw new BadArguments(name + " must start with " + String.join(" or ", schemes) + ", not '" + value + "'");
    }

    private static String text(String name, String value) throws BadArguments {
        if (value.isBlank()) {
            throw new BadArguments(name + " must not be empty");
        }
        return value;
    }

    private static double number(String name, String value, double min, double max) throws BadArguments {
        try {
            double number = Double.parseDouble(value);
            if (!(number >= min && number <= max)) {
                throw new BadArguments(name + " must be between " + min + " and " + max + ", not " + value);
            }
            return number;
        } catch (NumberFormatException e) {
            throw new BadArguments(name + " must be a number, not '" + value + "'");
        }
    }

    private static long wholeNumber(String name, String value, long min, long max) throws BadArguments {
        try {
            long number = Long.parseLong(value);
            if (number < min || number > max) {
                throw new BadArguments(name + " must be between " + min + " and " + max + ", not " + value);
            }
            return number;
        } catch (NumberFormatException e) {
            throw new BadArguments(name + " must be a whole number, not '" + value + "'");
        }
    }

    private static String format(String value) throws BadArguments {
        String format = value.toLowerCase(Locale.ROOT);
        if (!Set.of("native", "ttn", "chirpstack").contains(format)) {
            throw new BadArguments("--format must be native, ttn or chirpstack, not '" + value + "'");
        }
        return format;
    }

    private static Set<Faults.Fault> faults(String value) throws BadArguments {
        try {
            return Faults.Fault.parse(value);
        } catch (IllegalArgumentException e) {
            throw new BadArguments(e.getMessage());
        }
    }

    @Override
    public String toString() {
        // Never print the password.
        return "Options[broker=" + broker + ", source=" + estateFile.map(p -> "file " + p).orElse(api + " as " + user)
                + ", speed=" + speed + ", format=" + format + ", faults=" + faults + ", rate=" + rate.orElse(null)
                + ", seed=" + seed + "]";
    }
}
