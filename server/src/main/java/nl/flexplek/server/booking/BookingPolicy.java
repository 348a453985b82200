package nl.flexplek.server.booking;

import java.time.Duration;

import nl.flexplek.server.estate.ResourceType;

/**
 * The booking rules for one resource type: how far ahead, how long, how many upcoming bookings per person, the
 * turnaround kept free after each booking (an e-car charging), and the check-in window: it opens some minutes before
 * the start and a booking not checked in within the grace period after the start is released as a no-show.
 */
public record BookingPolicy(ResourceType resourceType, int maxDaysAhead, int maxDurationMinutes,
                            int maxUpcomingPerPerson, int turnaroundMinutes, int checkInOpensMinutes,
                            int graceMinutes) {
    public BookingPolicy {
        if (resourceType == null) {
            throw new IllegalArgumentException("resourceType is required");
        }
        check(maxDaysAhead, 0, 730, "maxDaysAhead");
        check(maxDurationMinutes, 15, 60 * 24 * 14, "maxDurationMinutes");
        check(maxUpcomingPerPerson, 1, 1000, "maxUpcomingPerPerson");
        check(turnaroundMinutes, 0, 60 * 24, "turnaroundMinutes");
        check(checkInOpensMinutes, 0, 240, "checkInOpensMinutes");
        check(graceMinutes, 1, 240, "graceMinutes");
    }

    public Duration turnaround() {
        return Duration.ofMinutes(turnaroundMinutes);
    }

    public Duration maxDuration() {
        return Duration.ofMinutes(maxDurationMinutes);
    }

    public Duration checkInOpens() {
        return Duration.ofMinutes(checkInOpensMinutes);
    }

    public Duration grace() {
        return Duration.ofMinutes(graceMinutes);
    }

    private static void check(int value, int min, int max, String name) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max);
        }
    }
}
