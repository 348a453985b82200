package nl.flexplek.sim;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Seeded randomness for one decision: the same seed and key always give the same numbers, whatever order the
 * simulator asks in. That is what keeps a run reproducible with {@code --seed} although bookings are fetched again
 * and plans rebuilt: an unchanged booking gets the same arrival, lunch and departure every time.
 */
final class Dice {
    private final SplittableRandom random;

    private Dice(long seed) {
        this.random = new SplittableRandom(seed);
    }

    static Dice of(long seed, Object... key) {
        // FNV-1a over the key's parts, mixed with the run's seed.
        long hash = 0xcbf29ce484222325L ^ seed;
        for (Object part : key) {
            for (byte b : String.valueOf(part).getBytes(StandardCharsets.UTF_8)) {
                hash = (hash ^ (b & 0xff)) * 0x100000001b3L;
            }
            hash = (hash ^ 0x1f) * 0x100000001b3L;
        }
        return new Dice(hash);
    }

    double uniform() {
        return random.nextDouble();
    }

    double uniform(double from, double to) {
        return from >= to ? from : from + random.nextDouble() * (to - from);
    }

    boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    /** A whole number from {@code from} to {@code to}, both included. */
    int between(int from, int to) {
        return from >= to ? from : random.nextInt(from, to + 1);
    }

    /** Triangular distribution: most values near {@code mode}, none outside {@code from}..{@code to}. */
    double triangular(double from, double mode, double to) {
        double u = random.nextDouble();
        double split = (mode - from) / (to - from);
        return u < split
                ? from + Math.sqrt(u * (to - from) * (mode - from))
                : to - Math.sqrt((1 - u) * (to - from) * (to - mode));
    }
}
