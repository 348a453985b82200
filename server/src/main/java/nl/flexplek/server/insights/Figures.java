package nl.flexplek.server.insights;

import java.time.DayOfWeek;
import java.util.Locale;

/** How figures are rounded and named: percentages and hours to one decimal, weekdays in lower case. */
final class Figures {
    private static final double HOUR = 3_600_000.0;

    private Figures() {
    }

    /** {@code part} as a percentage of {@code whole}, to one decimal; null when there is no whole to share. */
    static Double percent(long part, long whole) {
        return whole <= 0 ? null : round1(100.0 * part / whole);
    }

    /** A count as a percentage of another, to one decimal; null when the whole is zero. */
    static Double percent(int part, int whole) {
        return percent((long) part, (long) whole);
    }

    /** Milliseconds as hours, to one decimal. */
    static double hours(long millis) {
        return round1(millis / HOUR);
    }

    static String weekday(DayOfWeek day) {
        return day.name().toLowerCase(Locale.ROOT);
    }

    private static double round1(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
