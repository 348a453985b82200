package nl.flexplek.sim;

import com.fasterxml.jackson.core.JacksonException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** An estate document on disk (YAML or JSON, the server's import format). Has no bookings: people walk in. */
final class EstateFile implements EstateSource {
    private final Path path;

    EstateFile(Path path) {
        this.path = path;
    }

    @Override
    public Estate estate() throws IOException {
        if (!Files.isReadable(path)) {
            throw new Unavailable("cannot read the estate file " + path);
        }
        try {
            // YAML is a superset of JSON, so one reader takes both.
            Estate estate = Json.yaml().readValue(path.toFile(), Estate.class);
            if (estate == null) {
                throw new Unavailable("the estate file " + path + " is empty");
            }
            return estate;
        } catch (JacksonException e) {
            throw new Unavailable("the estate file " + path + " is not an estate document: " + e.getOriginalMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new Unavailable("the estate file " + path + " is not an estate document: " + e.getMessage(), e);
        }
    }

    @Override
    public List<Booking> bookings(Instant from, Instant to) {
        return List.of();
    }

    @Override
    public boolean hasBookings() {
        return false;
    }

    @Override
    public String describe() {
        return "estate file " + path;
    }
}
