package nl.flexplek.sim;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** Where the estate and the bookings come from: the server's API ({@link ServerApi}) or a file ({@link EstateFile}). */
public interface EstateSource {

    /** The sites and resources. */
    Estate estate() throws IOException;

    /** Bookings that overlap the window (every person's: the simulator logs in as a facility manager). */
    List<Booking> bookings(Instant from, Instant to) throws IOException;

    /** Whether {@link #bookings} can say anything; a file has no bookings, so only walk-ins come. */
    boolean hasBookings();

    /** For the log. */
    String describe();

    /** An estate file holds {@code {"sites": [...], "resources": [...]}} in JSON or YAML, as the server imports it. */
    static EstateSource file(Path path) {
        return new EstateFile(path);
    }

    static EstateSource api(String baseUrl, String username, String password, StopSignal stop) {
        return new ServerApi(baseUrl, username, password, stop);
    }

    /** The estate cannot be had and trying again will not help (a wrong password, a file that is not an estate). */
    final class Unavailable extends IOException {
        public Unavailable(String message) {
            super(message);
        }

        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
