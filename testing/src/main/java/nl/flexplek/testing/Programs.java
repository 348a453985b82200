package nl.flexplek.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The programs the tests start, found on the {@code PATH} (and in {@code /usr/sbin}, where Debian puts Mosquitto), or
 * where an environment variable says. A missing program fails the test with one sentence that says how to get it.
 */
public final class Programs {
    private Programs() {
    }

    /** Debian's {@code chromium}; {@code FLEXPLEK_CHROMIUM} points elsewhere. */
    public static Path chromium() {
        return find("chromium", "chromium", "FLEXPLEK_CHROMIUM");
    }

    /** Debian's {@code chromium-driver}; {@code FLEXPLEK_CHROMEDRIVER} points elsewhere. */
    public static Path chromedriver() {
        return find("chromedriver", "chromium-driver", "FLEXPLEK_CHROMEDRIVER");
    }

    /** Debian's {@code mosquitto}; {@code FLEXPLEK_MOSQUITTO} points elsewhere. */
    public static Path mosquitto() {
        return find("mosquitto", "mosquitto", "FLEXPLEK_MOSQUITTO");
    }

    private static Path find(String program, String debianPackage, String variable) {
        String override = System.getenv(variable);
        if (override != null && !override.isBlank()) {
            Path given = Path.of(override);
            if (!Files.isExecutable(given)) {
                throw new IllegalStateException(variable + " is " + override + ", which is not an executable file: "
                        + "point it at " + program + " or unset it to use the one on the PATH");
            }
            return given;
        }
        return onPath(program).orElseThrow(() -> new IllegalStateException(program + " is not on the PATH: install "
                + "Debian's " + debianPackage + " package or set " + variable));
    }

    private static Optional<Path> onPath(String program) {
        List<String> dirs = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            dirs.addAll(List.of(path.split(File.pathSeparator)));
        }
        // Debian installs the broker in /usr/sbin, which is not on every user's PATH.
        dirs.add("/usr/sbin");
        return dirs.stream().filter(dir -> !dir.isEmpty()).map(dir -> Path.of(dir, program))
                .filter(Files::isExecutable).findFirst();
    }
}
