package nl.flexplek.server.estate;

import java.time.LocalDate;

/** A day a site is closed although its weekday has opening hours, such as a public holiday. */
public record ClosureDay(LocalDate date, String reason) {
    public ClosureDay {
        if (date == null) {
            throw new IllegalArgumentException("date is required");
        }
        reason = reason == null ? "" : reason.strip();
        if (reason.length() > 200) {
            throw new IllegalArgumentException("reason is longer than 200 characters");
        }
    }
}
